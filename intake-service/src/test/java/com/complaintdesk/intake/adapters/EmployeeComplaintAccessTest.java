package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SPEC §3.20 through intake's HTTP API (README "Who sees what"): an employee's complaint is HR's. Staff outside HR —
 * ADMIN, the supervisor and the desk included — get a 404 for its evidence and its status, as if it did not exist;
 * HR staff and the complainant (through a channel front end, with the second factor) are served as before. Handlers
 * and department managers read only what their department holds, as intake learns it from dispatch's events.
 */
class EmployeeComplaintAccessTest extends IntakeSpringTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    static final Caller ADMIN = new Caller("admin-1", "ADMIN", null);
    static final Caller OFFICER = new Caller("officer-1", "TRIAGE_OFFICER", "SERVICE_DESK");
    static final Caller SUPERVISOR = new Caller("sup-1", "SUPERVISOR", "SERVICE_DESK");
    static final Caller HR_HANDLER = new Caller("hr-1", "HANDLER", "HR");
    static final Caller HR_ADMIN = new Caller("admin-hr", "ADMIN", "HR");
    static final Caller HOTLINE = Caller.channel("hotline");
    /** The complainant through the hotline front end. */
    static final Caller COMPLAINANT = new Caller(null, "CHANNEL_CLIENT", null, "hotline");

    static String complaint(String type) {
        return """
                {"channel":"WALK_IN","complainant":{"name":"李四","phone":"13900139000","type":"%s"},
                 "content":"主管排班一直针对我,还威胁扣我绩效。","subject":"员工休息室"}""".formatted(type);
    }

    /** Registers a complaint with one piece of evidence; returns {number, evidenceId}. */
    String[] registeredWithEvidence(String type) throws Exception {
        var r = http.post("/api/v1/complaints", complaint(type), HOTLINE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String number = json.readTree(r.body()).get("complaintNumber").asString();
        var added = http.post("/api/v1/complaints/" + number + "/evidence",
                "{\"verify\":\"9000\",\"evidence\":{\"name\":\"r.pdf\",\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0=\"}}",
                HOTLINE);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return new String[]{number, json.readTree(added.body()).get("evidenceId").asString()};
    }

    @Test
    void an_employees_evidence_and_status_are_hrs_alone_among_staff() throws Exception {
        String[] c = registeredWithEvidence("EMPLOYEE");
        String evidence = "/api/v1/complaints/" + c[0] + "/evidence/" + c[1];
        String status = "/api/v1/complaints/" + c[0] + "/status";

        for (Caller outsider : new Caller[]{ADMIN, OFFICER, SUPERVISOR, new Caller("h-1", "HANDLER", "ENGINEERING")}) {
            assertThat(http.get(evidence, outsider).statusCode()).as("evidence for " + outsider).isEqualTo(404);
            assertThat(http.get(status, outsider).statusCode()).as("status for " + outsider).isEqualTo(404);
        }
        assertThat(http.get(evidence, HR_ADMIN).statusCode()).isEqualTo(200);
        assertThat(reads(c, HR_HANDLER)).as("a handler reads his department's complaints, none before dispatch")
                .containsOnly(404);

        publish(Topics.DISPATCH, c[0], dispatchedTo("HR", true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reads(c, HR_HANDLER)).containsOnly(200));
        for (Caller outsider : new Caller[]{ADMIN, OFFICER, SUPERVISOR, new Caller("h-1", "HANDLER", "ENGINEERING")}) {
            assertThat(reads(c, outsider)).as("after dispatch, for " + outsider).containsOnly(404);
        }
        // the complainant, through a front end and with the second factor, is not staff: unchanged
        assertThat(http.get(status + "?verify=9000", COMPLAINANT).statusCode()).isEqualTo(200);

        var readers = mongo.getCollection("audit").find(new org.bson.Document("complaintId", c[0])
                        .append("action", "EVIDENCE_READ")).map(d -> d.getString("actor")).into(new java.util.ArrayList<>());
        assertThat(readers).containsExactlyInAnyOrder("hr-1", "admin-hr");
    }

    @Test
    void a_consumers_evidence_is_read_by_the_desk_and_an_admin_as_before() throws Exception {
        String[] c = registeredWithEvidence("CONSUMER");
        String evidence = "/api/v1/complaints/" + c[0] + "/evidence/" + c[1];

        assertThat(http.get(evidence, OFFICER).statusCode()).isEqualTo(200);
        assertThat(http.get(evidence, ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/complaints/" + c[0] + "/status", OFFICER).statusCode()).isEqualTo(200);
    }

    void publish(String topic, String number, ComplaintEvent event) throws Exception {
        kafka.send(topic, number, codec.encode(EventEnvelope.of(event, number, Instant.now(), "corr", "test"))).get();
    }

    static ComplaintDispatched dispatchedTo(String department, boolean confidential) {
        return new ComplaintDispatched(department, "h-1", null, "FACILITY_ENVIRONMENT", Severity.GENERAL, false,
                confidential, false, "rule");
    }

    /** The HTTP statuses of the complaint's evidence and staff status for {@code caller}. */
    List<Integer> reads(String[] c, Caller caller) {
        return List.of(http.get("/api/v1/complaints/" + c[0] + "/evidence/" + c[1], caller).statusCode(),
                http.get("/api/v1/complaints/" + c[0] + "/status", caller).statusCode());
    }

    @Test
    void department_staff_read_a_complaint_once_it_is_their_departments_and_no_longer_after_a_transfer() throws Exception {
        String[] c = registeredWithEvidence("CONSUMER");
        Caller engineering = new Caller("eng-h", "HANDLER", "ENGINEERING");
        Caller operations = new Caller("ops-mgr", "DEPARTMENT_MANAGER", "OPERATIONS");
        assertThat(reads(c, engineering)).as("not dispatched yet").containsOnly(404);
        assertThat(reads(c, OFFICER)).containsOnly(200);

        publish(Topics.DISPATCH, c[0], dispatchedTo("ENGINEERING", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reads(c, engineering)).containsOnly(200));
        assertThat(reads(c, operations)).containsOnly(404);
        assertThat(reads(c, OFFICER)).containsOnly(200);

        publish(Topics.DISPATCH, c[0], dispatchedTo("OPERATIONS", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reads(c, operations)).containsOnly(200));
        assertThat(reads(c, engineering)).as("transferred away").containsOnly(404);
    }

    @Test
    void a_workplace_complaint_or_one_dispatch_marks_confidential_is_hrs_whoever_made_it() throws Exception {
        String[] workplace = registeredWithEvidence("CONSUMER");
        publish(Topics.TRIAGE, workplace[0], new ComplaintTriaged("WORKPLACE", Severity.GENERAL, Liability.LIABLE,
                Set.of(), List.of(), null, "员工休息室"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reads(workplace, OFFICER)).containsOnly(404));
        assertThat(reads(workplace, ADMIN)).containsOnly(404);
        assertThat(reads(workplace, HR_ADMIN)).containsOnly(200);

        String[] marked = registeredWithEvidence("CONSUMER");
        publish(Topics.DISPATCH, marked[0], dispatchedTo("ENGINEERING", true));
        Caller engineeringManagerAndAdmin = new Caller("eng-mgr", "DEPARTMENT_MANAGER,ADMIN", "ENGINEERING");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reads(marked, SUPERVISOR)).containsOnly(404));
        assertThat(reads(marked, engineeringManagerAndAdmin)).as("his own department's").containsOnly(200);
        assertThat(reads(marked, new Caller("eng-h", "HANDLER", "ENGINEERING"))).containsOnly(200);
    }

    @Test
    void a_complaint_dispatched_before_intake_kept_the_department_stays_readable_by_department_staff_but_not_hrs() throws Exception {
        String[] consumer = registeredWithEvidence("CONSUMER");
        String[] employee = registeredWithEvidence("EMPLOYEE");
        for (String number : List.of(consumer[0], employee[0])) {
            // as stored by the version before: DISPATCHED, no department
            mongo.getCollection("complaints").updateOne(new org.bson.Document("_id", number),
                    new org.bson.Document("$set", new org.bson.Document("status", "DISPATCHED")));
        }
        Caller engineering = new Caller("eng-h", "HANDLER", "ENGINEERING");

        assertThat(reads(consumer, engineering)).containsOnly(200);
        assertThat(reads(employee, engineering)).containsOnly(404);
        assertThat(reads(employee, HR_HANDLER)).containsOnly(200);
    }
}
