package com.complaintdesk.reporting.ledger.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerProjectionTest {

    final LedgerProjection projection = new LedgerProjection(ProjectionSettings.defaults());
    final Instant t0 = Instant.parse("2026-11-27T01:00:00Z");

    ComplaintStory dispatched() {
        return new ComplaintStory("C-1", t0).received(Channel.PHONE, ComplainantType.CONSUMER).accepted()
                .triaged("PRODUCT_QUALITY", Severity.GENERAL, Flag.MEDIA).dispatched("ENGINEERING", "eng-li");
    }

    @Test
    void given_a_dispatched_story_when_projected_then_the_entry_has_status_classification_department_and_handler() {
        LedgerEntry e = projection.project("C-1", StoryEvents.of(dispatched()));

        assertThat(e.status()).isEqualTo("DISPATCHED");
        assertThat(e.acceptance()).isEqualTo("ACCEPTED");
        assertThat(e.category()).isEqualTo("PRODUCT_QUALITY");
        assertThat(e.flags()).containsExactly("MEDIA");
        assertThat(e.department()).isEqualTo("ENGINEERING");
        assertThat(e.handler()).isEqualTo("eng-li");
        assertThat(e.channel()).isEqualTo("PHONE");
        assertThat(e.timeline()).extracting(TimelineItem::status)
                .containsExactly("RECEIVED", "ACCEPTED", "TRIAGED", "DISPATCHED");
    }

    @Test
    void given_the_same_events_in_any_order_and_some_twice_when_projected_then_the_entry_is_the_same() {
        List<LedgerEvent> events = StoryEvents.of(dispatched().resolutionClock(Duration.ofDays(2)).investigated("cause"));
        List<LedgerEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled);

        assertThat(projection.project("C-1", shuffled)).isEqualTo(projection.project("C-1", events));
        assertThat(projection.project("C-1", shuffled).status()).isEqualTo("INVESTIGATING");
    }

    @Test
    void given_events_stamped_with_the_same_instant_when_projected_then_process_order_breaks_the_tie() {
        var story = new ComplaintStory("C-2", t0).received(Channel.APP, ComplainantType.CONSUMER);
        story.after(Duration.ofSeconds(-60)).dispatched("OPS", "h");   // same instant as received? no: as below
        List<LedgerEvent> events = new ArrayList<>(StoryEvents.of(story));
        // re-stamp the dispatch at the very instant of the receipt
        LedgerEvent d = events.get(1);
        events.set(1, new LedgerEvent(d.eventId(), d.type(), events.get(0).occurredAt(), d.complaintId(), d.topic(), d.producer(), d.payload()));
        Collections.reverse(events);

        LedgerEntry e = projection.project("C-2", events);

        assertThat(e.timeline()).extracting(TimelineItem::type).containsExactly("ComplaintReceived", "ComplaintDispatched");
        assertThat(e.status()).isEqualTo("DISPATCHED");
    }

    @Test
    void given_a_reclassification_and_a_reassignment_when_projected_then_the_latest_values_win() {
        var story = dispatched().reclassified("BILLING_REFUND", Severity.MAJOR);
        story.on(Topics.DISPATCH, new com.complaintdesk.contracts.events.DispatchEvents.ComplaintReassigned(
                "ENGINEERING", "eng-li", "eng-wu", "workload", "mgr"));

        LedgerEntry e = projection.project("C-1", StoryEvents.of(story));

        assertThat(e.category()).isEqualTo("BILLING_REFUND");
        assertThat(e.severity()).isEqualTo("MAJOR");
        assertThat(e.handler()).isEqualTo("eng-wu");
        assertThat(e.status()).isEqualTo("DISPATCHED");
    }

    @Test
    void given_a_running_resolution_clock_when_its_due_time_passes_then_the_entry_is_overdue_until_resolved() {
        var story = dispatched().resolutionClock(Duration.ofHours(4));
        LedgerEntry running = projection.project("C-1", StoryEvents.of(story));
        Instant due = running.deadlines().get("RESOLUTION").dueAt();

        assertThat(running.nextDueAt()).isEqualTo(due);
        assertThat(running.overdueAt(due.minusSeconds(1))).isFalse();
        assertThat(running.overdueAt(due.plusSeconds(1))).isTrue();

        story.after(Duration.ofHours(5)).resolved().stopped("RESOLUTION", true);
        LedgerEntry resolved = projection.project("C-1", StoryEvents.of(story));
        assertThat(resolved.nextDueAt()).isNull();
        assertThat(resolved.resolvedOnTime()).isFalse(); // resolved after the due time
        assertThat(resolved.deadlines().get("RESOLUTION").state()).isEqualTo("BREACHED_STOPPED");
    }

    @Test
    void given_a_clock_paused_for_documents_when_resumed_then_it_is_not_overdue_meanwhile_and_takes_the_new_due_time() {
        var story = dispatched().resolutionClock(Duration.ofHours(4));
        story.on(Topics.SLA, new SlaEvents.SlaClockPaused("RESOLUTION", story.now(), "AWAITING_DOCUMENTS"));
        LedgerEntry paused = projection.project("C-1", StoryEvents.of(story));
        assertThat(paused.deadlines().get("RESOLUTION").state()).isEqualTo("PAUSED");
        assertThat(paused.nextDueAt()).isNull();

        Instant newDue = story.now().plus(Duration.ofDays(1));
        story.on(Topics.SLA, new SlaEvents.SlaClockResumed("RESOLUTION", story.now(), newDue, 3600));
        LedgerEntry resumed = projection.project("C-1", StoryEvents.of(story));
        assertThat(resumed.deadlines().get("RESOLUTION").state()).isEqualTo("RUNNING");
        assertThat(resumed.nextDueAt()).isEqualTo(newDue);
    }

    @Test
    void given_a_department_transfer_when_projected_then_the_new_department_and_handler_show() {
        var story = dispatched();
        story.on(Topics.DISPATCH, new com.complaintdesk.contracts.events.DispatchEvents.DepartmentTransferred(
                "ENGINEERING", "OPERATIONS", "eng-li", "ops-zhao", "wrong department", "mgr"));
        LedgerEntry e = projection.project("C-1", StoryEvents.of(story));
        assertThat(e.department()).isEqualTo("OPERATIONS");
        assertThat(e.handler()).isEqualTo("ops-zhao");
    }

    @Test
    void given_a_resolution_before_its_deadline_when_projected_then_it_is_on_time_and_the_revisit_clock_is_next() {
        var story = dispatched().resolutionClock(Duration.ofDays(2)).resolved().revisitClock(Duration.ofDays(2));

        LedgerEntry e = projection.project("C-1", StoryEvents.of(story));

        assertThat(e.resolvedOnTime()).isTrue();
        assertThat(e.status()).isEqualTo("RESOLVED");
        assertThat(e.nextDueAt()).isEqualTo(e.deadlines().get("REVISIT").dueAt());
    }

    @Test
    void given_a_breach_before_resolution_when_projected_then_the_resolution_is_late_and_the_incident_is_kept() {
        var story = dispatched().resolutionClock(Duration.ofDays(2))
                .breached("RESOLUTION", EscalationLevel.SERVICE_SUPERVISOR).escalated("RESOLUTION", EscalationLevel.DEPARTMENT_MANAGER)
                .resolved();

        LedgerEntry e = projection.project("C-1", StoryEvents.of(story));

        assertThat(e.resolvedOnTime()).isFalse();
        assertThat(e.slaIncidents()).extracting(SlaIncident::kind, SlaIncident::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BREACH", "SERVICE_SUPERVISOR"),
                        org.assertj.core.groups.Tuple.tuple("ESCALATION", "DEPARTMENT_MANAGER"));
        assertThat(e.deadlines().get("RESOLUTION").escalationLevel()).isEqualTo("DEPARTMENT_MANAGER");
    }

    @Test
    void given_a_severity_upgrade_request_when_projected_then_severity_only_goes_up() {
        var story = dispatched();
        story.on(Topics.SLA, new SlaEvents.SeverityUpgradeRequested(Severity.MAJOR, "LIABLE unresolved one month"));
        assertThat(projection.project("C-1", StoryEvents.of(story)).severity()).isEqualTo("MAJOR");

        var down = new ComplaintStory("C-3", t0).received(Channel.PHONE, ComplainantType.CONSUMER)
                .triaged("OTHER", Severity.MAJOR);
        down.on(Topics.SLA, new SlaEvents.SeverityUpgradeRequested(Severity.IMPORTANT, "x"));
        assertThat(projection.project("C-3", StoryEvents.of(down)).severity()).isEqualTo("MAJOR");
    }

    @Test
    void given_appeals_reopen_and_close_when_projected_then_counts_and_final_status_follow() {
        var story = dispatched().proposed().appealed().proposed().solutionAccepted().resolved()
                .revisited(false, true).reopened().urged().closed();

        LedgerEntry e = projection.project("C-1", StoryEvents.of(story));

        assertThat(e.appealCount()).isEqualTo(1);
        assertThat(e.reopenCount()).isEqualTo(1);
        assertThat(e.urgeCount()).isEqualTo(1);
        assertThat(e.revisits()).hasSize(1).first().extracting(Revisit::satisfied).isEqualTo(false);
        assertThat(e.status()).isEqualTo("CLOSED");
        assertThat(e.nextDueAt()).isNull();
    }

    @Test
    void given_a_workplace_or_employee_complaint_when_projected_then_it_is_confidential() {
        var workplace = new ComplaintStory("C-4", t0).received(Channel.PHONE, ComplainantType.CONSUMER)
                .triaged("WORKPLACE", Severity.GENERAL);
        var employee = new ComplaintStory("C-5", t0).received(Channel.PHONE, ComplainantType.EMPLOYEE);
        var ordinary = new ComplaintStory("C-6", t0).received(Channel.PHONE, ComplainantType.CONSUMER);

        assertThat(projection.project("C-4", StoryEvents.of(workplace)).confidential()).isTrue();
        assertThat(projection.project("C-5", StoryEvents.of(employee)).confidential()).isTrue();
        assertThat(projection.project("C-6", StoryEvents.of(ordinary)).confidential()).isFalse();
    }

    @Test
    void given_an_unknown_event_type_when_projected_then_it_is_in_the_timeline_and_changes_no_status() {
        List<LedgerEvent> events = new ArrayList<>(StoryEvents.of(dispatched()));
        events.add(new LedgerEvent("zzz", "SomethingNew", t0.plusSeconds(3600), "C-1", "complaints.dispatch", "x",
                Map.of("info", "value")));

        LedgerEntry e = projection.project("C-1", events);

        assertThat(e.timeline()).last().extracting(TimelineItem::type).isEqualTo("SomethingNew");
        assertThat(e.timeline().get(e.timeline().size() - 1).payload()).containsEntry("info", "value");
        assertThat(e.status()).isEqualTo("DISPATCHED");
    }

    @Test
    void given_a_complainant_when_projected_then_personal_data_is_masked_everywhere() {
        LedgerEntry e = projection.project("C-1", StoryEvents.of(dispatched()));

        assertThat(e.complainant()).isEqualTo(new ComplainantView("张*", "138****8000", "z*@example.com", "CONSUMER"));
        assertThat(e.content()).contains("138****8000").doesNotContain("13800138000");
        assertThat(e.timeline().get(0).payload().toString()).doesNotContain("13800138000").doesNotContain("张三");
    }
}
