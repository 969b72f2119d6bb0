package com.complaintdesk.reporting.ledger.domain;

import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.statistics.domain.Fact;
import com.complaintdesk.reporting.statistics.domain.FactExtractor;
import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event sequences the other services really publish (dispatch-service's HandlingCase, sla-service's SlaClock and
 * ComplaintSla, followup-service's FollowupCase), and what the ledger and the statistics make of them: a second
 * ComplaintDispatched after the queue, a transfer or a reopen; a clock announced again after a pause or a
 * reclassification; an unreachable revisit; appeals.
 */
class PublishedSequencesTest {

    final LedgerProjection projection = new LedgerProjection(ProjectionSettings.defaults());
    final FactExtractor extractor = new FactExtractor(ZoneId.of("Asia/Shanghai"));
    final Instant t0 = Instant.parse("2026-11-23T02:00:00Z");

    ComplaintStory accepted(String number, Severity severity) {
        return new ComplaintStory(number, t0).received(Channel.PHONE, ComplainantType.CONSUMER).accepted()
                .triaged("PRODUCT_QUALITY", severity);
    }

    LedgerEntry project(ComplaintStory s) {
        return projection.project(s.number(), StoryEvents.of(s));
    }

    /** The counts the complaint contributes, per metric (all days together). */
    Map<String, Long> counts(ComplaintStory s) {
        Map<String, Long> m = new HashMap<>();
        for (Fact f : extractor.facts(project(s))) {
            m.merge(f.metric(), 1L, Long::sum);
        }
        return m;
    }

    @Test
    void given_a_dispatch_to_the_queue_when_a_handler_comes_on_duty_then_the_second_dispatch_names_the_handler_and_counts_once() {
        var s = accepted("C-Q", Severity.GENERAL).dispatched("OPERATIONS", null, null, Severity.GENERAL);
        LedgerEntry waiting = project(s);
        assertThat(waiting.status()).isEqualTo("DISPATCHED");
        assertThat(waiting.queued()).isTrue();
        assertThat(waiting.handler()).isNull();

        s.dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL); // HandlingCase.assignFromQueue
        LedgerEntry assigned = project(s);

        assertThat(assigned.queued()).isFalse();
        assertThat(assigned.handler()).isEqualTo("ops-h1");
        assertThat(assigned.dispatchCount()).isEqualTo(2);
        assertThat(assigned.dispatchedAt()).isEqualTo(waiting.dispatchedAt());
        assertThat(counts(s)).containsEntry("dispatched", 1L);
    }

    @Test
    void given_numbered_dispatches_of_one_instant_arriving_in_reverse_then_the_sequence_orders_them_and_the_last_kind_shows() {
        var s = accepted("C-S", Severity.GENERAL).together(x -> x
                .dispatched(com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched.Kind.ROUTED, 1, "OPERATIONS", null)
                .dispatched(com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched.Kind.ASSIGNED_FROM_QUEUE, 2,
                        "OPERATIONS", "ops-h3"));
        List<LedgerEvent> events = new ArrayList<>(StoryEvents.of(s));
        Collections.reverse(events);

        LedgerEntry e = projection.project("C-S", events);

        assertThat(e.handler()).isEqualTo("ops-h3");
        assertThat(e.queued()).isFalse();
        assertThat(e.lastDispatchKind()).isEqualTo("ASSIGNED_FROM_QUEUE");
        assertThat(e.dispatchCount()).isEqualTo(2);
        assertThat(counts(s)).containsEntry("dispatched", 1L);
    }

    @Test
    void given_a_dispatch_numbered_3_whose_earlier_ones_are_missing_then_the_count_follows_the_number() {
        var s = accepted("C-N", Severity.GENERAL)
                .dispatched(com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched.Kind.REOPENED, 3, "OPERATIONS", "ops-h1");

        LedgerEntry e = project(s);

        assertThat(e.dispatchCount()).isEqualTo(3);
        assertThat(e.lastDispatchKind()).isEqualTo("REOPENED");
    }

    @Test
    void given_a_transfer_to_a_department_with_nobody_on_duty_then_no_handler_or_supervisor_of_the_old_department_lingers() {
        var s = accepted("C-T", Severity.MAJOR).dispatched("OPERATIONS", "ops-h1", "ops-mgr", Severity.MAJOR)
                .departmentTransferred("OPERATIONS", "ops-h1", "ENGINEERING", null);

        LedgerEntry e = project(s);

        assertThat(e.department()).isEqualTo("ENGINEERING");
        assertThat(e.handler()).isNull();
        assertThat(e.supervisor()).isNull();
        assertThat(e.queued()).isTrue();
        assertThat(e.departmentTransferCount()).isEqualTo(1);
        assertThat(e.timeline()).extracting(TimelineItem::type).endsWith("DepartmentTransferred", "ComplaintDispatched");
        // counted once, under the department it is in now; the transfer is a figure of its own
        Map<String, Long> counts = counts(s);
        assertThat(counts).containsEntry("dispatched", 1L).containsEntry("departmentTransfers", 1L);
        assertThat(extractor.facts(e)).filteredOn(f -> f.metric().equals("dispatched"))
                .extracting(Fact::department).containsExactly("ENGINEERING");
    }

    @Test
    void given_events_of_one_transfer_arriving_in_reverse_then_the_entry_is_the_same() {
        var s = accepted("C-T2", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .departmentTransferred("OPERATIONS", "ops-h1", "FINANCE", "fin-h1");
        List<LedgerEvent> events = new ArrayList<>(StoryEvents.of(s));
        List<LedgerEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);

        assertThat(projection.project("C-T2", reversed)).isEqualTo(projection.project("C-T2", events));
        assertThat(projection.project("C-T2", reversed).handler()).isEqualTo("fin-h1");
    }

    @Test
    void given_an_unsatisfied_revisit_when_reopened_and_dispatched_again_then_status_handler_and_figures_follow() {
        var s = accepted("C-R", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .resolutionClock(Duration.ofDays(2)).investigated("质量缺陷").proposed().appealed().proposed()
                .solutionAccepted().resolved().revisitClock(Duration.ofDays(2)).revisited(false, true)
                .reopened(1, "OPERATIONS", "ops-h1");
        LedgerEntry reopened = project(s);
        assertThat(reopened.status()).isEqualTo("REOPENED");

        s.resolutionClock(Duration.ofDays(2)) // ComplaintSla restarts RESOLUTION on the reopen
                .dispatched("OPERATIONS", "ops-h2", null, Severity.GENERAL) // HandlingCase.reopen: previous handler off duty
                .investigated("质量缺陷").proposed().solutionAccepted().resolved().revisited(true, true).closed();
        LedgerEntry e = project(s);

        assertThat(e.status()).isEqualTo("CLOSED");
        assertThat(e.handler()).isEqualTo("ops-h2");
        assertThat(e.reopenCount()).isEqualTo(1);
        assertThat(e.appealCount()).isEqualTo(1);
        assertThat(e.revisits()).extracting(Revisit::satisfied).containsExactly(false, true);
        assertThat(e.dispatchCount()).isEqualTo(2);
        assertThat(e.firstResolvedAt()).isBefore(e.resolvedAt());
        assertThat(e.nextDueAt()).isNull();
        // per complaint: resolved, revisited and satisfied at the first time; every reopen and appeal counted
        assertThat(counts(s)).containsEntry("dispatched", 1L).containsEntry("resolved", 1L).containsEntry("resolvedOnTime", 1L)
                .containsEntry("revisited", 1L).containsEntry("revisitReached", 1L).doesNotContainKey("satisfied")
                .containsEntry("reopened", 1L).containsEntry("appeals", 1L).containsEntry("investigated", 1L)
                .containsEntry("closed", 1L);
    }

    @Test
    void given_a_breached_clock_announced_again_with_a_later_deadline_then_the_breach_stays_and_the_resolution_is_late() {
        var s = accepted("C-B", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .resolutionClock(Duration.ofHours(1));
        Instant started = s.events().get(s.events().size() - 1).envelope().occurredAt();
        s.after(Duration.ofHours(2)).breached("RESOLUTION", EscalationLevel.SERVICE_SUPERVISOR)
                // reclassified: ComplaintSla re-applies the policy and announces the clock again, same start
                .clockAgain("RESOLUTION", started, started.plus(Duration.ofDays(5)))
                .resolved().stopped("RESOLUTION", true);

        LedgerEntry e = project(s);

        assertThat(e.deadlines().get("RESOLUTION").breachedAt()).isNotNull();
        assertThat(e.deadlines().get("RESOLUTION").state()).isEqualTo("BREACHED_STOPPED");
        assertThat(e.resolvedOnTime()).isFalse();
        assertThat(counts(s)).containsEntry("resolved", 1L).doesNotContainKey("resolvedOnTime")
                .containsEntry("slaBreaches", 1L).containsEntry("slaBreaches.level.SERVICE_SUPERVISOR", 1L);
    }

    @Test
    void given_a_clock_started_while_waiting_for_documents_then_it_is_paused_whatever_the_order_of_its_two_events() {
        var s = new ComplaintStory("C-P", t0).received(Channel.PHONE, ComplainantType.CONSUMER);
        Instant at = s.now();
        // ComplaintSla.start while awaiting documents: SlaClockStarted then SlaClockPaused, one instant
        s.together(x -> x.on(Topics.SLA, new SlaEvents.SlaClockStarted("ACCEPTANCE_DECISION", at, at.plus(Duration.ofDays(3))))
                .on(Topics.SLA, new SlaEvents.SlaClockPaused("ACCEPTANCE_DECISION", at, "AWAITING_DOCUMENTS")));
        List<LedgerEvent> events = new ArrayList<>(StoryEvents.of(s));
        Collections.reverse(events);

        LedgerEntry e = projection.project("C-P", events);

        assertThat(e.deadlines().get("ACCEPTANCE_DECISION").state()).isEqualTo("PAUSED");
        assertThat(e.nextDueAt()).isNull();

        // evidence added: SlaClockResumed and SlaClockStarted (same start, new due), one instant, any order
        Instant resumed = s.now();
        Instant newDue = at.plus(Duration.ofDays(4));
        s.together(x -> x.on(Topics.SLA, new SlaEvents.SlaClockResumed("ACCEPTANCE_DECISION", resumed, newDue, 86400))
                .on(Topics.SLA, new SlaEvents.SlaClockStarted("ACCEPTANCE_DECISION", at, newDue)));
        List<LedgerEvent> again = new ArrayList<>(StoryEvents.of(s));
        Collections.reverse(again);
        LedgerEntry running = projection.project("C-P", again);
        assertThat(running.deadlines().get("ACCEPTANCE_DECISION").state()).isEqualTo("RUNNING");
        assertThat(running.nextDueAt()).isEqualTo(newDue);
    }

    @Test
    void given_a_complainant_unreachable_at_the_revisit_then_the_revisit_counts_but_not_in_the_satisfaction_rate() {
        var s = accepted("C-U", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .proposed().solutionAccepted().resolved().revisitUnreachable().closed();

        LedgerEntry e = project(s);
        Map<String, Long> counts = counts(s);

        assertThat(e.revisits()).singleElement().extracting(Revisit::reached).isEqualTo(false);
        assertThat(counts).containsEntry("revisited", 1L).containsEntry("revisitedOnTime", 1L)
                .doesNotContainKey("revisitReached").doesNotContainKey("satisfied");
        Figures f = Figures.of(counts);
        assertThat(f.rate(Figures.Rate.REVISIT_RATE)).isEqualTo(1.0);
        assertThat(f.rate(Figures.Rate.SATISFACTION_RATE)).as("nobody answered: no satisfaction figure").isNull();
    }

    @Test
    void given_a_second_reopen_escalated_to_the_manager_then_the_supervisor_assigned_shows_and_both_reopens_count() {
        var s = accepted("C-2R", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .proposed().solutionAccepted().resolved().revisited(false, true).reopened(1, "OPERATIONS", "ops-h1")
                .dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .proposed().solutionAccepted().resolved().revisited(false, false).reopened(2, "OPERATIONS", "ops-h1");
        s.on(Topics.DISPATCH, new com.complaintdesk.contracts.events.DispatchEvents.SupervisorAssigned("OPERATIONS", "ops-mgr",
                "second reopen"));
        s.dispatched("OPERATIONS", "ops-h1", "ops-mgr", Severity.GENERAL);

        LedgerEntry e = project(s);

        assertThat(e.reopenCount()).isEqualTo(2);
        assertThat(e.supervisor()).isEqualTo("ops-mgr");
        assertThat(e.status()).isEqualTo("DISPATCHED");
        assertThat(counts(s)).containsEntry("reopened", 2L).containsEntry("revisited", 1L).containsEntry("resolved", 1L);
    }

    @Test
    void given_the_events_that_are_not_about_one_complaint_then_the_default_configuration_leaves_them_out_of_the_ledger() {
        // DailyOverdueReport (keyed by date), MonthlyReportOverdue (keyed monthly-yyyy-MM), MonthlyReportPublished
        var bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("reporting", com.complaintdesk.reporting.application.ReportingProperties.class);
        assertThat(bound.ledger().ignoredTypes())
                .containsExactlyInAnyOrder("DailyOverdueReport", "MonthlyReportPublished", "MonthlyReportOverdue");
    }
}
