package com.complaintdesk.intake.adapters;

import com.complaintdesk.testsupport.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.20 through intake's HTTP API (README "Who sees what"): an employee's complaint is HR's. Staff outside HR —
 * ADMIN, the supervisor and the desk included — get a 404 for its evidence and its status, as if it did not exist;
 * HR staff and the complainant (through a channel front end, with the second factor) are served as before.
 */
class EmployeeComplaintAccessTest extends IntakeSpringTest {

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
        assertThat(http.get(evidence, HR_HANDLER).statusCode()).isEqualTo(200);
        assertThat(http.get(evidence, HR_ADMIN).statusCode()).isEqualTo(200);
        assertThat(http.get(status, HR_HANDLER).statusCode()).isEqualTo(200);
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
}
