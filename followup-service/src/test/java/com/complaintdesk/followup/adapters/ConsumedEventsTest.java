package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTransferred;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.complaintdesk.followup.adapters.Mother.dispatched;
import static com.complaintdesk.followup.adapters.Mother.received;
import static com.complaintdesk.followup.adapters.Mother.resolved;
import static com.complaintdesk.followup.adapters.Mother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What follow-up consumes is applied once however often it is delivered (SPEC §7), and the reopen it publishes is
 * what dispatch's consumer reads: reason, reopen count, department, handler and, from the second reopen, the
 * escalation to the department manager.
 */
class ConsumedEventsTest extends ServiceHarness {

    static final String UNSATISFIED = "{\"reached\":true,\"satisfaction\":1,\"reason\":\"still broken\"}";

    @Test
    void every_consumed_event_delivered_again_changes_nothing_twice() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        List<EventEnvelope<?>> history = List.of(
                feed(Topics.INTAKE, id, received(id, ComplainantType.CONSUMER, "13800138000", null, t), t),
                feed(Topics.TRIAGE, id, triaged(Severity.GENERAL), t),
                feed(Topics.SLA, id, new SeverityUpgradeRequested(Severity.MAJOR, "liable, unresolved after one month"), t),
                feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-7", Severity.GENERAL), t),
                feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-7"), t));
        history.forEach(e -> send(topicOf(e), e));
        await(id, "RevisitDue", 1);

        clock.set(at("2026-11-30T10:00"));
        assertThat(post("/api/v1/followup/revisits/" + id + "/attempts", UNSATISFIED, "TRIAGE_OFFICER").status()).isEqualTo(200);
        await(id, "ComplaintReopened", 1);

        // the whole history once more, after the reopen: an old dispatch or resolution must not reschedule anything
        history.forEach(e -> send(topicOf(e), e));
        // new events behind the redeliveries on the same partitions tell when those have been applied
        feed(Topics.TRIAGE, id, triaged(Severity.IMPORTANT), t);
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-marker", Severity.IMPORTANT), at("2026-11-30T10:05"));
        eventually(() -> {
            var v = get("/api/v1/followup/cases/" + id, "SUPERVISOR").body();
            assertThat(v.path("handler").asString()).isEqualTo("h-marker");
            assertThat(v.path("severity").asString()).isEqualTo("IMPORTANT");
        });

        var view = get("/api/v1/followup/cases/" + id, "SUPERVISOR").body();
        // back with the department (REOPENED → DISPATCHED), not a revisit scheduled by an old resolution
        assertThat(view.path("status").asString()).isEqualTo("OPEN");
        assertThat(view.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(count(id, "RevisitDue")).isEqualTo(1);
        assertThat(count(id, "ComplaintReopened")).isEqualTo(1);
    }

    @Test
    void a_transfer_delivered_twice_closes_once() {
        String id = newComplaintId();
        var transferred = feed(Topics.TRIAGE, id, new ComplaintTransferred("消协", "outside our scope", "officer-1"),
                at("2026-11-27T15:00"));
        send(Topics.TRIAGE, transferred);

        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("消协");
        var again = feed(Topics.TRIAGE, id, triaged(Severity.GENERAL), at("2026-11-27T15:01"));
        eventually(() -> assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("severity").asString())
                .isEqualTo("GENERAL"));
        assertThat(again).isNotNull();
        assertThat(count(id, "ComplaintClosed")).isEqualTo(1);
    }

    @Test
    void the_second_reopen_escalates_to_the_department_manager_in_the_event_dispatch_reads() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.CONSUMER, "13800138000", null, t), t);
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-7", Severity.GENERAL), t);
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-7"), t);
        await(id, "RevisitDue", 1);
        clock.set(at("2026-11-30T10:00"));
        post("/api/v1/followup/revisits/" + id + "/attempts", UNSATISFIED, "TRIAGE_OFFICER");

        // dispatch puts it back (ComplaintDispatched again, SPEC §3 REOPENED → DISPATCHED) and resolves it again
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-8", Severity.GENERAL), at("2026-11-30T10:05"));
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-8"), at("2026-12-01T11:00"));
        await(id, "RevisitDue", 2);
        clock.set(at("2026-12-02T10:00"));
        var second = post("/api/v1/followup/revisits/" + id + "/attempts",
                "{\"reached\":true,\"satisfaction\":2,\"reason\":\"worse now\"}", "TRIAGE_OFFICER");
        assertThat(second.body().path("reopenCount").asInt()).isEqualTo(2);

        var records = await(id, "ComplaintReopened", 2);
        var first = (ComplaintReopened) codec.decode(records.get(0).value()).payload();
        var escalated = codec.decode(records.get(1).value());
        assertThat(first.escalateTo()).isNull();
        assertThat(escalated.complaintId()).isEqualTo(id);
        assertThat(escalated.payload()).isEqualTo(new ComplaintReopened("worse now", 2, "ENGINEERING", "h-8",
                EscalationLevel.DEPARTMENT_MANAGER));
        assertThat(records.get(1).key()).isEqualTo(id);
    }

    @Test
    void a_resolution_read_before_the_registration_is_routed_again_once_the_anchor_tenant_is_known() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.DISPATCH, id, resolved("OPERATIONS", "h-3"), t);
        assertThat(payload(await(id, "RevisitDue", 1).get(0)).path("assignee").asString()).isEqualTo("SERVICE_DESK");

        var registration = feed(Topics.INTAKE, id, received(id, ComplainantType.ANCHOR_TENANT, null, "boss@tenant.example", t), t);
        var rerouted = payload(await(id, "RevisitDue", 2).get(1));
        send(Topics.INTAKE, registration);

        assertThat(rerouted.path("assignee").asString()).isEqualTo("SERVICE_SUPERVISOR");
        assertThat(rerouted.path("method").asString()).isEqualTo("IN_PERSON");
        assertThat(post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":true,\"satisfaction\":5}",
                "TRIAGE_OFFICER").status()).isEqualTo(403);
        assertThat(post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":true,\"satisfaction\":5}",
                "SUPERVISOR").status()).isEqualTo(200);
        assertThat(count(id, "RevisitDue")).isEqualTo(2);
    }

    private static String topicOf(EventEnvelope<?> e) {
        String type = e.payload().getClass().getSimpleName();
        return switch (type) {
            case "ComplaintReceived" -> Topics.INTAKE;
            case "ComplaintTriaged" -> Topics.TRIAGE;
            case "SeverityUpgradeRequested" -> Topics.SLA;
            default -> Topics.DISPATCH;
        };
    }
}
