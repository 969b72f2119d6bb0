package com.complaintdesk.followup.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitAttemptFailed;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDone;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDue;
import com.complaintdesk.contracts.events.FollowupEvents.SpecialReportFiled;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static com.complaintdesk.followup.domain.Policies.CALENDAR;
import static com.complaintdesk.followup.domain.Policies.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowupCaseTest {

    final RevisitPolicy policy = Policies.standard();
    final Instant resolvedAt = at("2026-11-27T15:00");
    final Instant nextMonday = at("2026-11-30T10:00");

    /** A case of the given type and severity, dispatched to ENGINEERING / h-1 and resolved on Friday afternoon. */
    FollowupCase resolvedCase(ComplainantType type, Severity severity, Set<Flag> flags) {
        FollowupCase c = FollowupCase.open("C-20261127-000001");
        c.registered(type, "phone-digest", null, policy);
        c.classified(severity, flags);
        c.dispatched("ENGINEERING", "h-1", severity);
        c.resolved(resolvedAt, "ENGINEERING", "h-1", policy, CALENDAR);
        return c;
    }

    FollowupCase resolvedConsumer() {
        return resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL, Set.of());
    }

    @Test
    void given_a_dispatched_consumer_complaint_when_resolved_then_the_desk_revisits_by_phone_within_two_working_days() {
        FollowupCase c = FollowupCase.open("C-1");
        c.registered(ComplainantType.CONSUMER, null, null, policy);
        c.dispatched("ENGINEERING", "h-1", Severity.GENERAL);

        var events = c.resolved(resolvedAt, "ENGINEERING", "h-1", policy, CALENDAR);

        assertThat(events).containsExactly(new RevisitDue(at("2026-12-01T18:00"), "PHONE_OR_VISIT", "SERVICE_DESK"));
        assertThat(c.status()).isEqualTo(FollowupStatus.REVISIT_DUE);
        assertThat(c.revisit().round()).isEqualTo(1);
    }

    @Test
    void given_an_anchor_tenant_when_resolved_then_the_service_supervisor_revisits_in_person() {
        FollowupCase c = resolvedCase(ComplainantType.ANCHOR_TENANT, Severity.IMPORTANT, Set.of());

        assertThat(c.revisit().method()).isEqualTo("IN_PERSON");
        assertThat(c.revisit().assignee()).isEqualTo("SERVICE_SUPERVISOR");
        assertThat(c.revisit().role()).isEqualTo("SUPERVISOR");
    }

    @Test
    void given_a_resolution_applied_before_the_registration_when_an_anchor_tenant_registers_then_the_supervisor_gets_the_revisit() {
        FollowupCase c = FollowupCase.open("C-1");
        c.resolved(resolvedAt, "OPERATIONS", "h-1", policy, CALENDAR);
        assertThat(c.revisit().assignee()).isEqualTo("SERVICE_DESK");

        var events = c.registered(ComplainantType.ANCHOR_TENANT, null, "mail-digest", policy);

        assertThat(events).containsExactly(new RevisitDue(at("2026-12-01T18:00"), "IN_PERSON", "SERVICE_SUPERVISOR"));
        assertThat(c.revisit().role()).isEqualTo("SUPERVISOR");
        assertThat(c.registered(ComplainantType.ANCHOR_TENANT, null, "mail-digest", policy)).isEmpty();
    }

    @Test
    void given_a_revisit_already_attempted_when_the_registration_comes_late_then_the_route_stays() {
        FollowupCase c = FollowupCase.open("C-1");
        c.resolved(resolvedAt, "OPERATIONS", "h-1", policy, CALENDAR);
        c.recordRevisit(RevisitAnswer.unreachable("no answer", "desk-1"), policy, nextMonday);

        assertThat(c.registered(ComplainantType.ANCHOR_TENANT, null, null, policy)).isEmpty();
        assertThat(c.revisit().assignee()).isEqualTo("SERVICE_DESK");
    }

    @Test
    void given_a_revisit_due_when_resolved_again_then_nothing_changes() {
        FollowupCase c = resolvedConsumer();

        var events = c.resolved(resolvedAt.plusSeconds(60), "ENGINEERING", "h-1", policy, CALENDAR);

        assertThat(events).isEmpty();
        assertThat(c.revisit().resolvedAt()).isEqualTo(resolvedAt);
    }

    @Test
    void given_a_revisit_due_when_the_complainant_is_satisfied_then_it_is_done_on_time_and_closed() {
        FollowupCase c = resolvedConsumer();

        var events = c.recordRevisit(RevisitAnswer.rated(5, null, "very good", "desk-1"), policy, nextMonday);

        assertThat(events).containsExactly(
                new RevisitDone(true, 5, true, "very good", "desk-1", true),
                new ComplaintClosed("revisit: complainant satisfied (5/5)"));
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
        assertThat(c.closedAt()).isEqualTo(nextMonday);
    }

    @Test
    void given_a_revisit_due_when_recorded_after_the_deadline_then_it_is_not_on_time() {
        FollowupCase c = resolvedConsumer();

        var events = c.recordRevisit(RevisitAnswer.rated(4, null, null, "desk-1"), policy, at("2026-12-02T09:30"));

        assertThat(((RevisitDone) events.get(0)).onTime()).isFalse();
    }

    @Test
    void given_a_bad_rating_without_a_reason_when_recorded_then_it_is_refused_and_nothing_changes() {
        FollowupCase c = resolvedConsumer();

        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.rated(2, " ", null, "desk-1"), policy, nextMonday))
                .isInstanceOf(InvalidCommand.class)
                .satisfies(e -> assertThat(((InvalidCommand) e).problems()).extracting(FieldProblem::field).containsExactly("reason"));
        assertThat(c.status()).isEqualTo(FollowupStatus.REVISIT_DUE);
        assertThat(c.revisit().finished()).isFalse();
    }

    @Test
    void given_a_rating_outside_one_to_five_when_recorded_then_it_is_refused() {
        FollowupCase c = resolvedConsumer();

        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.rated(6, null, null, "desk-1"), policy, nextMonday))
                .isInstanceOf(InvalidCommand.class).hasMessageContaining("satisfaction");
    }

    @Test
    void given_an_unsatisfied_complainant_then_reopened_to_the_same_department_and_a_second_reopen_escalates() {
        FollowupCase c = resolvedConsumer();

        var first = c.recordRevisit(RevisitAnswer.rated(1, "still broken", null, "desk-1"), policy, nextMonday);

        assertThat(first).containsExactly(
                new RevisitDone(true, 1, false, "still broken", "desk-1", true),
                new ComplaintReopened("still broken", 1, "ENGINEERING", "h-1", null));
        assertThat(c.status()).isEqualTo(FollowupStatus.REOPENED);

        // when dispatch puts it back and it is resolved again, a second revisit is scheduled
        c.dispatched("ENGINEERING", "h-1", null);
        var again = c.resolved(at("2026-12-02T11:00"), "ENGINEERING", "h-1", policy, CALENDAR);
        assertThat(again).containsExactly(new RevisitDue(at("2026-12-04T18:00"), "PHONE_OR_VISIT", "SERVICE_DESK"));
        assertThat(c.revisit().round()).isEqualTo(2);
        assertThat(c.pastRevisits()).hasSize(1);

        var second = c.recordRevisit(RevisitAnswer.rated(2, "worse now", "angry", "desk-2"), policy, at("2026-12-03T10:00"));
        assertThat(second).contains(new ComplaintReopened("worse now", 2, "ENGINEERING", "h-1", EscalationLevel.DEPARTMENT_MANAGER));
        assertThat(c.reopenCount()).isEqualTo(2);
    }

    @Test
    void given_an_unreachable_complainant_when_the_attempts_run_out_then_recorded_unreachable_and_closed() {
        FollowupCase c = resolvedConsumer();

        var one = c.recordRevisit(RevisitAnswer.unreachable("no answer", "desk-1"), policy, nextMonday);
        var two = c.recordRevisit(RevisitAnswer.unreachable("busy", "desk-1"), policy, nextMonday.plusSeconds(3600));
        var three = c.recordRevisit(RevisitAnswer.unreachable("switched off", "desk-1"), policy, nextMonday.plusSeconds(7200));

        assertThat(one).containsExactly(new RevisitAttemptFailed(1, 3, "no answer", "desk-1"));
        assertThat(two).containsExactly(new RevisitAttemptFailed(2, 3, "busy", "desk-1"));
        assertThat(three).hasSize(3);
        assertThat(three.get(1)).isEqualTo(new RevisitDone(false, null, false, "unreachable after 3 attempts", "desk-1", true));
        assertThat(three.get(2)).isInstanceOf(ComplaintClosed.class);
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
    }

    @Test
    void given_the_hold_policy_when_unreachable_then_held_and_a_later_reached_revisit_still_closes_it() {
        RevisitPolicy hold = Policies.withUnreachable(UnreachableOutcome.HOLD, 1);
        FollowupCase c = resolvedConsumer();

        var events = c.recordRevisit(RevisitAnswer.unreachable("no answer", "desk-1"), hold, nextMonday);

        // held open for the supervisor: the revisit is not done yet
        assertThat(events).containsExactly(new RevisitAttemptFailed(1, 1, "no answer", "desk-1"));
        assertThat(c.status()).isEqualTo(FollowupStatus.UNREACHABLE);
        assertThat(c.revisit().finished()).isFalse();
        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.unreachable("again", "desk-1"), hold, nextMonday))
                .isInstanceOf(IllegalTransition.class);

        var reached = c.recordRevisit(RevisitAnswer.rated(4, null, null, "desk-1"), hold, at("2026-12-03T10:00"));
        assertThat(reached).containsExactly(new RevisitDone(true, 4, true, null, "desk-1", false),
                new ComplaintClosed("revisit: complainant satisfied (4/5)"));
    }

    /**
     * A case stored before HOLD kept the revisit open: UNREACHABLE with the unreachable result, whose RevisitDone was
     * already published.
     */
    FollowupCase heldByAnOlderVersion() {
        Revisit heldBefore = new Revisit(1, resolvedAt, at("2026-12-01T18:00"), "PHONE_OR_VISIT", "SERVICE_DESK",
                "TRIAGE_OFFICER", List.of(new Revisit.Attempt(nextMonday, "desk-1", "no answer")),
                new RevisitResult(nextMonday, "desk-1", false, null, false, null, "no answer", true, false));
        return new FollowupCase("C-20261127-000002", ComplainantType.CONSUMER, "phone-digest", null,
                Severity.GENERAL, Set.of(), "ENGINEERING", "h-1", FollowupStatus.UNREACHABLE, heldBefore, List.of(), 0,
                null, null, null, false);
    }

    @Test
    void given_the_hold_policy_when_a_held_revisit_is_answered_then_revisit_done_is_published_exactly_once() {
        RevisitPolicy hold = Policies.withUnreachable(UnreachableOutcome.HOLD, 2);
        FollowupCase c = resolvedConsumer();
        List<ComplaintEvent> all = new java.util.ArrayList<>();

        all.addAll(c.recordRevisit(RevisitAnswer.unreachable("no answer", "desk-1"), hold, nextMonday));
        all.addAll(c.recordRevisit(RevisitAnswer.unreachable("switched off", "desk-1"), hold, nextMonday.plusSeconds(3600)));
        all.addAll(c.answerByComplainant(RevisitAnswer.fromComplainant(2, "still broken", null), hold, at("2026-12-02T09:00")));
        // the desk reaches them too, and the complainant answers again: both refused, nothing published
        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.rated(5, null, null, "desk-1"), hold, at("2026-12-02T10:00")))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.answerByComplainant(RevisitAnswer.fromComplainant(5, null, null), hold, at("2026-12-02T10:00")))
                .isInstanceOf(IllegalTransition.class);

        assertThat(all).filteredOn(RevisitDone.class::isInstance)
                .containsExactly(new RevisitDone(true, 2, false, "still broken", "complainant", false));
        assertThat(all).last().isEqualTo(new ComplaintReopened("still broken", 1, "ENGINEERING", "h-1", null));
        assertThat(c.revisit().result().satisfaction()).isEqualTo(2);
    }

    @Test
    void given_a_revisit_held_with_its_unreachable_result_already_published_when_reached_then_not_published_as_done_again() {
        FollowupCase c = heldByAnOlderVersion();

        var reached = c.recordRevisit(RevisitAnswer.rated(4, null, null, "desk-1"), Policies.withUnreachable(
                UnreachableOutcome.HOLD, 1), at("2026-12-03T10:00"));

        assertThat(reached).containsExactly(new ComplaintClosed("revisit: complainant satisfied (4/5)"));
        assertThat(c.revisit().result().satisfaction()).isEqualTo(4);
    }

    /** A case of the given severity and flags, held unreachable after one failed attempt under HOLD. */
    FollowupCase heldUnreachable(Severity severity, Set<Flag> flags, RevisitPolicy hold) {
        FollowupCase c = resolvedCase(ComplainantType.CONSUMER, severity, flags);
        c.recordRevisit(RevisitAnswer.unreachable("no answer", "desk-1"), hold, nextMonday);
        assertThat(c.status()).isEqualTo(FollowupStatus.UNREACHABLE);
        return c;
    }

    @Test
    void given_a_revisit_held_unreachable_when_the_supervisor_closes_it_by_decision_then_done_once_not_reached_and_closed() {
        RevisitPolicy hold = Policies.withUnreachable(UnreachableOutcome.HOLD, 1);
        FollowupCase c = heldUnreachable(Severity.GENERAL, Set.of(), hold);

        var closed = c.closeUnreachableByDecision("  moved abroad, number out of service ", "sup-1", hold,
                at("2026-12-03T10:00"));

        String reason = "revisit: complainant unreachable after 1 attempts, closed by decision of sup-1: "
                + "moved abroad, number out of service";
        assertThat(closed).containsExactly(
                new RevisitDone(false, null, false, "unreachable after 1 attempts, closed by decision: "
                        + "moved abroad, number out of service", "sup-1", false),
                new ComplaintClosed(reason));
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
        assertThat(c.closeReason()).isEqualTo(reason);
        assertThat(c.closedAt()).isEqualTo(at("2026-12-03T10:00"));
        // the decision is the revisit's result: who decided, and why
        assertThat(c.revisit().result()).satisfies(r -> {
            assertThat(r.reached()).isFalse();
            assertThat(r.by()).isEqualTo("sup-1");
            assertThat(r.reason()).isEqualTo("moved abroad, number out of service");
        });
        // once: a second decision, a late contact or the complainant's own answer is refused
        assertThatThrownBy(() -> c.closeUnreachableByDecision("again", "sup-1", hold, at("2026-12-03T11:00")))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).current()).isEqualTo(FollowupStatus.CLOSED));
        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.rated(5, null, null, "desk-1"), hold, at("2026-12-03T11:00")))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.answerByComplainant(RevisitAnswer.fromComplainant(5, null, null), hold, at("2026-12-03T11:00")))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void given_a_revisit_not_held_when_closed_by_decision_then_refused_with_the_current_status_and_nothing_changes() {
        FollowupCase due = resolvedConsumer();

        assertThatThrownBy(() -> due.closeUnreachableByDecision("cannot reach", "sup-1", policy, nextMonday))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).current()).isEqualTo(FollowupStatus.REVISIT_DUE));
        assertThat(due.status()).isEqualTo(FollowupStatus.REVISIT_DUE);
        assertThat(due.revisit().finished()).isFalse();

        FollowupCase open = FollowupCase.open("C-1");
        assertThatThrownBy(() -> open.closeUnreachableByDecision("cannot reach", "sup-1", policy, nextMonday))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).current()).isEqualTo(FollowupStatus.OPEN));
    }

    @Test
    void given_a_held_revisit_when_closed_without_a_reason_then_refused_and_still_held() {
        RevisitPolicy hold = Policies.withUnreachable(UnreachableOutcome.HOLD, 1);
        FollowupCase c = heldUnreachable(Severity.GENERAL, Set.of(), hold);

        assertThatThrownBy(() -> c.closeUnreachableByDecision("  ", "sup-1", hold, nextMonday))
                .isInstanceOf(InvalidCommand.class)
                .satisfies(e -> assertThat(((InvalidCommand) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("reason"));
        assertThat(c.status()).isEqualTo(FollowupStatus.UNREACHABLE);
        assertThat(c.revisit().finished()).isFalse();
    }

    @Test
    void given_a_major_complaint_held_unreachable_when_closed_by_decision_then_it_waits_for_its_special_report() {
        RevisitPolicy hold = Policies.withUnreachable(UnreachableOutcome.HOLD, 1);
        FollowupCase c = heldUnreachable(Severity.MAJOR, Set.of(Flag.MEDIA), hold);

        var decided = c.closeUnreachableByDecision("moved abroad", "sup-1", hold, nextMonday.plusSeconds(3600));

        assertThat(decided).containsExactly(new RevisitDone(false, null, false,
                "unreachable after 1 attempts, closed by decision: moved abroad", "sup-1", true));
        assertThat(c.status()).isEqualTo(FollowupStatus.AWAITING_SPECIAL_REPORT);
        assertThat(c.closedAt()).isNull();

        var filed = c.fileSpecialReport(report("SR-9"), hold);

        assertThat(filed).containsExactly(new SpecialReportFiled("SR-9", "sup-1"), new ComplaintClosed(
                "revisit: complainant unreachable after 1 attempts, closed by decision of sup-1: moved abroad"));
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
    }

    @Test
    void given_a_case_held_before_hold_kept_the_revisit_open_when_closed_by_decision_then_not_published_as_done_again() {
        FollowupCase c = heldByAnOlderVersion();

        var closed = c.closeUnreachableByDecision("moved abroad", "sup-1",
                Policies.withUnreachable(UnreachableOutcome.HOLD, 1), at("2026-12-03T10:00"));

        assertThat(closed).containsExactly(new ComplaintClosed(
                "revisit: complainant unreachable after 1 attempts, closed by decision of sup-1: moved abroad"));
    }

    @Test
    void given_a_major_complaint_when_satisfied_then_it_waits_for_its_special_report_which_then_closes_it() {
        FollowupCase c = resolvedCase(ComplainantType.CONSUMER, Severity.MAJOR, Set.of(Flag.MEDIA));

        var revisit = c.recordRevisit(RevisitAnswer.rated(4, null, null, "desk-1"), policy, nextMonday);

        assertThat(revisit).containsExactly(new RevisitDone(true, 4, true, null, "desk-1", true));
        assertThat(c.status()).isEqualTo(FollowupStatus.AWAITING_SPECIAL_REPORT);

        var filed = c.fileSpecialReport(report("SR-1"), policy);

        assertThat(filed).containsExactly(new SpecialReportFiled("SR-1", "sup-1"),
                new ComplaintClosed("revisit: complainant satisfied (4/5)"));
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
    }

    @Test
    void given_a_vicious_complaint_with_its_report_filed_early_when_satisfied_then_it_closes_at_once() {
        FollowupCase c = resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL, Set.of(Flag.EXTREME_BEHAVIOUR));
        assertThat(c.needsSpecialReport(policy)).isTrue();

        var filed = c.fileSpecialReport(report("SR-2"), policy);
        var revisit = c.recordRevisit(RevisitAnswer.rated(3, null, null, "desk-1"), policy, nextMonday);

        assertThat(filed).containsExactly(new SpecialReportFiled("SR-2", "sup-1"));
        assertThat(revisit).last().isInstanceOf(ComplaintClosed.class);
    }

    @Test
    void given_a_filed_special_report_when_filed_again_then_refused() {
        FollowupCase c = resolvedCase(ComplainantType.CONSUMER, Severity.MAJOR, Set.of());
        c.fileSpecialReport(report("SR-3"), policy);

        assertThatThrownBy(() -> c.fileSpecialReport(report("SR-4"), policy))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("SR-3");
        assertThat(c.specialReport().reportId()).isEqualTo("SR-3");
    }

    @Test
    void given_a_major_complaint_not_resolved_yet_when_its_report_is_filed_then_refused() {
        FollowupCase c = FollowupCase.open("C-1");
        c.classified(Severity.MAJOR, Set.of(Flag.LAWYER));

        assertThatThrownBy(() -> c.fileSpecialReport(report("SR-5"), policy))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("resolved");
        assertThat(c.specialReport()).isNull();
    }

    @Test
    void given_a_complaint_not_resolved_yet_when_a_revisit_is_recorded_then_refused_with_the_current_status() {
        FollowupCase c = FollowupCase.open("C-1");

        assertThatThrownBy(() -> c.recordRevisit(RevisitAnswer.rated(5, null, null, "desk-1"), policy, nextMonday))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).current()).isEqualTo(FollowupStatus.OPEN));
    }

    @Test
    void given_the_complainant_answered_when_answering_again_then_refused() {
        FollowupCase c = resolvedCase(ComplainantType.CONSUMER, Severity.MAJOR, Set.of());
        c.answerByComplainant(RevisitAnswer.fromComplainant(5, null, null), policy, nextMonday);

        assertThatThrownBy(() -> c.answerByComplainant(RevisitAnswer.fromComplainant(1, "changed my mind", null), policy, nextMonday))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("already been answered");
        assertThat(c.revisit().result().byComplainant()).isTrue();
        assertThat(c.revisit().result().satisfaction()).isEqualTo(5);
    }

    @Test
    void given_a_rejected_complaint_then_closed_once() {
        FollowupCase c = FollowupCase.open("C-1");

        List<ComplaintEvent> first = c.endedWithoutHandling("rejected: out of scope", resolvedAt);
        List<ComplaintEvent> again = c.endedWithoutHandling("rejected: out of scope", resolvedAt);

        assertThat(first).containsExactly(new ComplaintClosed("rejected: out of scope"));
        assertThat(again).isEmpty();
        assertThat(c.status()).isEqualTo(FollowupStatus.CLOSED);
    }

    private static SpecialReport report(String id) {
        return new SpecialReport(id, "cause", "handling", "corrective", "preventive", "sup-1", at("2026-12-01T10:00"));
    }
}
