package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.complaintdesk.followup.adapters.FollowupApiTest.fields;
import static com.complaintdesk.followup.adapters.Mother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.14, §4: under the HOLD policy a complainant never reached keeps the case UNREACHABLE; the service supervisor
 * closes it by decision with a reason ({@code POST /api/v1/followup/revisits/{id}/close-unreachable}).
 */
class HeldRevisitCloseTest extends ServiceHarness {

    static final String POLICY = "/api/v1/followup/policy";
    static final String DECISION = "{\"reason\":\"moved abroad, number out of service\"}";
    static final String NOT_REACHED = "{\"reached\":false,\"comment\":\"no answer\"}";

    String originalPolicy;

    @BeforeEach
    void holdAfterOneAttempt() {
        originalPolicy = get(POLICY, "ADMIN").body().path("policy").toString();
        String hold = originalPolicy.replaceFirst("\"maxAttempts\":\\d+", "\"maxAttempts\":1")
                .replaceFirst("\"unreachableOutcome\":\"[A-Z]+\"", "\"unreachableOutcome\":\"HOLD\"");
        assertThat(put(POLICY, hold, "ADMIN").status()).isEqualTo(200);
    }

    @AfterEach
    void restorePolicy() {
        assertThat(put(POLICY, originalPolicy, "ADMIN").status()).isEqualTo(200);
    }

    static String close(String id) {
        return "/api/v1/followup/revisits/" + id + "/close-unreachable";
    }

    /** One failed contact: held unreachable under the test's policy. */
    void holdUnreachable(String id, String roles, String department) {
        var failed = postAs("/api/v1/followup/revisits/" + id + "/attempts", NOT_REACHED, roles, department);
        assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);
        assertThat(failed.body().path("status").asString()).isEqualTo("UNREACHABLE");
    }

    @Test
    void the_supervisor_closes_a_held_revisit_with_a_reason_once_and_it_is_published_as_done_and_closed() {
        String id = revisitDue();
        // not held yet: 409 with the current state, nothing changes
        var tooEarly = post(close(id), DECISION, "SUPERVISOR");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.isProblem()).isTrue();
        assertThat(tooEarly.body().path("currentStatus").asString()).isEqualTo("REVISIT_DUE");

        holdUnreachable(id, "TRIAGE_OFFICER", null);
        await(id, "RevisitAttemptFailed", 1);

        // the reason is required, field by field; only the supervisor (or ADMIN) decides
        assertThat(fields(post(close(id), "{}", "SUPERVISOR"))).containsExactly("reason");
        assertThat(fields(post(close(id), "{\"reason\":\"  \"}", "SUPERVISOR"))).containsExactly("reason");
        assertThat(fields(post(close(id), "{\"reason\":\"" + "x".repeat(2001) + "\"}", "SUPERVISOR"))).containsExactly("reason");
        assertThat(post(close(id), "{\"reason\":", "SUPERVISOR").status()).isEqualTo(400);
        assertThat(post(close(id), DECISION, "TRIAGE_OFFICER").status()).isEqualTo(403);
        assertThat(postAs(close(id), DECISION, "HANDLER", "ENGINEERING").status()).isEqualTo(403);
        // the responsible department's manager does not close its own complaint's revisit (the desk's route)
        assertThat(postAs(close(id), DECISION, "DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(403);
        assertThat(post("/api/v1/followup/revisits/C-20991231-999999/close-unreachable", DECISION, "SUPERVISOR").status())
                .isEqualTo(404);
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("status").asString()).isEqualTo("UNREACHABLE");
        assertThat(count(id, "RevisitDone")).isZero();

        clock.set(at("2026-12-03T10:00"));
        var closed = post(close(id), DECISION, "SUPERVISOR");

        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().path("closeReason").asString())
                .contains("closed by decision of u-supervisor", "moved abroad, number out of service");
        var result = closed.body().path("revisit").path("result");
        assertThat(result.path("reached").asBoolean()).isFalse();
        assertThat(result.path("by").asString()).isEqualTo("u-supervisor");
        assertThat(result.path("reason").asString()).isEqualTo("moved abroad, number out of service");

        var done = payload(await(id, "RevisitDone", 1).get(0));
        assertThat(done.path("reached").asBoolean()).isFalse();
        assertThat(done.path("satisfied").asBoolean()).isFalse();
        assertThat(done.path("onTime").asBoolean()).isFalse();
        assertThat(done.path("by").asString()).isEqualTo("u-supervisor");
        assertThat(done.path("comment").asString()).contains("moved abroad");
        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("closed by decision");

        var again = post(close(id), DECISION, "SUPERVISOR");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("currentStatus").asString()).isEqualTo("CLOSED");
        var lateAnswer = post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"8000\",\"satisfaction\":5}", null);
        assertThat(lateAnswer.status()).isEqualTo(409);
        assertThat(count(id, "RevisitDone")).isEqualTo(1);
        assertThat(count(id, "ComplaintClosed")).isEqualTo(1);
    }

    @Test
    void a_major_complaint_closed_by_decision_waits_for_its_special_report() {
        String id = revisitDue(ComplainantType.MERCHANT, "13900139000", "OPERATIONS", triaged(Severity.MAJOR, Flag.MEDIA));
        eventually(() -> assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body()
                .path("specialReportRequired").asBoolean()).isTrue());
        holdUnreachable(id, "TRIAGE_OFFICER", null);

        var decided = post(close(id), DECISION, "SUPERVISOR");

        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("status").asString()).isEqualTo("AWAITING_SPECIAL_REPORT");
        await(id, "RevisitDone", 1);
        assertThat(count(id, "ComplaintClosed")).isZero();

        var filed = post("/api/v1/followup/special-reports/" + id, SpecialReportFlowTest.REPORT, "SUPERVISOR");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("closed by decision");
        assertThat(count(id, "RevisitDone")).isEqualTo(1);
    }

    @Test
    void an_employee_revisit_held_unreachable_is_closed_by_hrs_manager_and_is_invisible_to_others() {
        String id = revisitDue(ComplainantType.EMPLOYEE, "13700137000", "HR");
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").status()).isEqualTo(404);
        holdUnreachable(id, "DEPARTMENT_MANAGER", "HR");

        // HR's: the supervisor and ADMIN outside HR do not see it
        assertThat(post(close(id), DECISION, "SUPERVISOR").status()).isEqualTo(404);
        assertThat(post(close(id), DECISION, "ADMIN").status()).isEqualTo(404);
        assertThat(postAs(close(id), DECISION, "DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(404);

        var closed = postAs(close(id), DECISION, "DEPARTMENT_MANAGER", "HR");

        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(payload(await(id, "RevisitDone", 1).get(0)).path("reached").asBoolean()).isFalse();
        await(id, "ComplaintClosed", 1);
    }
}
