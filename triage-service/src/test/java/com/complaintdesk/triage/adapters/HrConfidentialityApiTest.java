package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.20 through triage's HTTP API (README "Who sees what"): the text of a workplace or employee complaint is
 * HR's — ADMIN, the supervisor, HQ and the desk read the classification but not the words, in the single view, the
 * queue and the labelled examples alike; handlers do not read triage at all (it does not know departments).
 */
class HrConfidentialityApiTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Caller ADMIN = new Caller("admin-1", "ADMIN", null);
    static final Caller HQ = new Caller("hq-1", "HQ_ANALYST", "HQ");
    static final Caller HR_MANAGER = new Caller("hr-mgr", "DEPARTMENT_MANAGER", "HR");
    static final Caller HR_ADMIN = new Caller("admin-hr", "ADMIN", "HR");
    static final Caller HANDLER = new Caller("h-1", "HANDLER", "ENGINEERING");

    String content(String number, Caller caller) throws Exception {
        var r = http.get("/api/v1/triage/complaints/" + number, caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("content").asString();
    }

    String queued(String number, Caller caller) throws Exception {
        var r = http.get("/api/v1/triage/complaints?status=TRIAGED&limit=500", caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode c : json.readTree(r.body())) {
            if (c.get("complaintNumber").asString().equals(number)) {
                return c.get("content").asString();
            }
        }
        throw new AssertionError(number + " is not in the queue");
    }

    String triaged(String content, ComplainantType type) throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, content, type, "k-" + number, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);
        }
        return number;
    }

    @Test
    void the_words_of_a_workplace_complaint_are_hidden_from_an_admin_hq_and_the_desk_in_the_view_and_the_queue() throws Exception {
        String workplace = triaged("主管排班一直针对我,还威胁扣我绩效。", ComplainantType.EMPLOYEE);

        for (Caller outsider : List.of(ADMIN, HQ, OFFICER, SUPERVISOR)) {
            assertThat(content(workplace, outsider)).doesNotContain("排班").contains("HR only");
            assertThat(queued(workplace, outsider)).doesNotContain("排班").contains("HR only");
        }
        assertThat(content(workplace, HR_MANAGER)).contains("排班");
        assertThat(queued(workplace, HR_MANAGER)).contains("排班");
        assertThat(content(workplace, HR_ADMIN)).contains("排班");
    }

    @Test
    void an_employees_complaint_is_hrs_whatever_it_is_about() throws Exception {
        String canteen = triaged("员工食堂的饭菜里吃出了头发,要求食堂整改。", ComplainantType.EMPLOYEE);

        assertThat(content(canteen, OFFICER)).doesNotContain("食堂").contains("HR only");
        assertThat(content(canteen, ADMIN)).doesNotContain("食堂");
        assertThat(content(canteen, HR_MANAGER)).contains("食堂");
    }

    @Test
    void a_handler_reads_his_departments_complaints_in_dispatch_not_the_desks_queue() throws Exception {
        String number = triaged("导购员说话很难听。", ComplainantType.CONSUMER);

        assertThat(http.get("/api/v1/triage/complaints/" + number, HANDLER).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/triage/complaints?status=TRIAGED", HANDLER).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/triage/collective-cases", HANDLER).statusCode()).isEqualTo(403);
        assertThat(content(number, OFFICER)).contains("导购员");
    }

    @Test
    void a_corrected_hr_complaint_keeps_its_words_from_readers_of_the_labelled_examples_outside_hr() throws Exception {
        String number = triaged("同事在工位上长期对我言语侮辱,部门经理不管。", ComplainantType.EMPLOYEE);
        var corrected = http.post("/api/v1/triage/complaints/" + number + "/corrections",
                "{\"category\":\"WORKPLACE\",\"reason\":\"a colleague dispute\"}", OFFICER);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        assertThat(example(number, HQ).get("text").asString()).doesNotContain("工位").contains("HR only");
        assertThat(example(number, OFFICER).get("text").asString()).doesNotContain("工位");
        assertThat(example(number, HR_MANAGER).get("text").asString()).contains("工位");
        // what is stored is unchanged: HR still reads it after an outsider did
        assertThat(example(number, HR_MANAGER).get("text").asString()).contains("工位");
    }

    JsonNode example(String number, Caller caller) throws Exception {
        var r = http.get("/api/v1/triage/examples?source=correction", caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode e : json.readTree(r.body())) {
            if (e.get("id").asString().equals("correction:" + number)) {
                return e;
            }
        }
        throw new AssertionError("no correction of " + number);
    }
}
