package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.complaintdesk.followup.adapters.Mother.dispatched;
import static com.complaintdesk.followup.adapters.Mother.received;
import static com.complaintdesk.followup.adapters.Mother.resolved;
import static com.complaintdesk.followup.adapters.Mother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5 system test at service level: resolve → revisit unsatisfied → reopen → resolve → revisit satisfied → closed. */
class RevisitFlowTest extends ServiceHarness {

    @Test
    void resolve_unsatisfied_reopen_resolve_satisfied_closed() {
        String id = newComplaintId();
        Instant friday = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.CONSUMER, "13800138000", null, friday), friday);
        feed(Topics.TRIAGE, id, triaged(Severity.GENERAL), friday);
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-7", Severity.GENERAL), friday);
        var firstResolution = feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-7"), friday);

        // the revisit is due at close of the second working day, with the desk, by phone
        var due = payload(await(id, "RevisitDue", 1).get(0));
        assertThat(Instant.parse(due.path("dueAt").asString())).isEqualTo(at("2026-12-01T18:00"));
        assertThat(due.path("method").asString()).isEqualTo("PHONE_OR_VISIT");
        assertThat(due.path("assignee").asString()).isEqualTo("SERVICE_DESK");

        // listed in the desk's queue for that day, not in the supervisor's
        var list = get("/api/v1/followup/revisits?assignee=SERVICE_DESK&dueFrom=2026-12-01&dueTo=2026-12-01&limit=500", "TRIAGE_OFFICER");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsString("complaintId")).contains(id);
        assertThat(get("/api/v1/followup/revisits?assignee=SERVICE_SUPERVISOR&limit=500", "SUPERVISOR").body()
                .findValuesAsString("complaintId")).doesNotContain(id);
        assertThat(get("/api/v1/followup/revisits?assignee=SERVICE_DESK&dueFrom=2026-12-02&limit=500", "TRIAGE_OFFICER").body()
                .findValuesAsString("complaintId")).doesNotContain(id);

        // the desk reaches the complainant on Monday: not satisfied
        clock.set(at("2026-11-30T10:00"));
        var unsatisfied = post("/api/v1/followup/revisits/" + id + "/attempts",
                "{\"reached\":true,\"satisfaction\":2,\"reason\":\"still does not heat\"}", "TRIAGE_OFFICER");
        assertThat(unsatisfied.status()).isEqualTo(200);
        assertThat(unsatisfied.body().path("status").asString()).isEqualTo("REOPENED");
        var done = payload(await(id, "RevisitDone", 1).get(0));
        assertThat(done.path("satisfied").asBoolean()).isFalse();
        assertThat(done.path("onTime").asBoolean()).isTrue();
        var reopened = payload(await(id, "ComplaintReopened", 1).get(0));
        assertThat(reopened.path("department").asString()).isEqualTo("ENGINEERING");
        assertThat(reopened.path("handler").asString()).isEqualTo("h-7");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.path("reason").asString()).isEqualTo("still does not heat");

        // a redelivered old resolution changes nothing; dispatch puts it back and resolves it again
        send(Topics.DISPATCH, firstResolution);
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-7", Severity.GENERAL), at("2026-11-30T10:05"));
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-7"), at("2026-12-02T11:00"));
        var dues = await(id, "RevisitDue", 2);
        assertThat(Instant.parse(payload(dues.get(1)).path("dueAt").asString())).isEqualTo(at("2026-12-04T18:00"));
        assertThat(count(id, "RevisitDue")).isEqualTo(2);

        // the complainant answers the second revisit themselves: satisfied → closed
        clock.set(at("2026-12-03T09:00"));
        var answer = post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"8000\",\"satisfaction\":5}", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("status").asString()).isEqualTo("CLOSED");
        var closed = payload(await(id, "ComplaintClosed", 1).get(0));
        assertThat(closed.path("reason").asString()).contains("satisfied");

        // once only
        var again = post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"8000\",\"satisfaction\":1,\"reason\":\"x\"}", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("currentStatus").asString()).isEqualTo("CLOSED");

        var view = get("/api/v1/followup/cases/" + id, "SUPERVISOR").body();
        assertThat(view.path("status").asString()).isEqualTo("CLOSED");
        assertThat(view.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(view.path("pastRevisits")).hasSize(1);
        assertThat(view.path("revisit").path("result").path("byComplainant").asBoolean()).isTrue();
        assertThat(count(id, "ComplaintClosed")).isEqualTo(1);
    }

    @Test
    void a_complainant_unreachable_after_three_attempts_is_recorded_unreachable_and_closed() {
        String id = revisitDue(ComplainantType.MERCHANT, "13900139000", "OPERATIONS");

        for (int i = 1; i <= 3; i++) {
            var r = post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":false,\"comment\":\"no answer\"}",
                    "TRIAGE_OFFICER");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().path("revisit").path("failedAttempts")).hasSize(i);
        }

        assertThat(await(id, "RevisitAttemptFailed", 3)).hasSize(3);
        assertThat(payload(await(id, "RevisitDone", 1).get(0)).path("reached").asBoolean()).isFalse();
        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("unreachable");
        var fourth = post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":false}", "TRIAGE_OFFICER");
        assertThat(fourth.status()).isEqualTo(409);
    }

    @Test
    void a_rejected_complaint_is_closed() {
        String id = newComplaintId();
        feed(Topics.TRIAGE, id, new com.complaintdesk.contracts.events.TriageEvents.ComplaintRejected(
                "OUT_OF_SCOPE", "not our mall", "officer-1"), at("2026-11-27T15:00"));

        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("not our mall");
    }
}
