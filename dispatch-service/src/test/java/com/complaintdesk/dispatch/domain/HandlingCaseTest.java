package com.complaintdesk.dispatch.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.DispatchEvents.DisagreementRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionRejected;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.DispatchEvents.SupervisorAssigned;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;
import com.complaintdesk.dispatch.domain.handling.AppealLadder;
import com.complaintdesk.dispatch.domain.handling.DispatchDecision;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.handling.IllegalTransition;
import com.complaintdesk.dispatch.domain.handling.Investigation;
import com.complaintdesk.dispatch.domain.handling.Resolution;
import com.complaintdesk.dispatch.domain.handling.SecondFactor;
import com.complaintdesk.dispatch.domain.handling.Solution;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlingCaseTest {

    static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    static HandlingCase dispatched(Severity severity, Flag... flags) {
        HandlingCase c = new HandlingCase("C-20261130-000001");
        c.recordReceived(ComplainantType.CONSUMER, "空调坏了", "3F", SecondFactor.of("salt", "13800138000", "zs@example.com"), NOW);
        c.dispatch(new DispatchDecision("ENGINEERING", "eng-h1", "eng-mgr", "pr-mgr", "FACILITY_ENVIRONMENT", severity,
                Liability.LIABLE, Set.of(flags), false, "rule 40"), NOW);
        return c;
    }

    static Solution solution(EscalationLevel level, boolean onSite) {
        return new Solution(List.of(new SolutionItem(SolutionKind.REPAIR, "fix it", null),
                new SolutionItem(SolutionKind.COMPENSATION, "voucher", new Money(new BigDecimal("100.00"), "CNY"))),
                onSite, List.of("check the units monthly"), level, "who", NOW);
    }

    static Investigation investigation() {
        return new Investigation("compressor failed", "ENGINEERING", "maintenance contractor", "no service for 2 years",
                List.of(), "eng-h1", NOW);
    }

    static HandlingCase proposed(boolean onSite) {
        HandlingCase c = dispatched(Severity.GENERAL);
        c.recordInvestigation(investigation(), NOW);
        c.proposeSolution(solution(EscalationLevel.HANDLER, onSite), NOW);
        return c;
    }

    @Test
    void given_a_major_media_complaint_when_dispatched_then_the_manager_supervises_and_pr_is_told_no_interviews() {
        HandlingCase c = new HandlingCase("C-1");
        List<ComplaintEvent> events = c.dispatch(new DispatchDecision("OPERATIONS", "ops-h1", "ops-mgr", "pr-mgr",
                "PRODUCT_QUALITY", Severity.MAJOR, Liability.LIABLE, Set.of(Flag.MEDIA), false, "r"), NOW);

        assertThat(c.supervisor()).isEqualTo("ops-mgr");
        assertThat(c.noInterviews()).isTrue();
        assertThat(events.get(0)).isInstanceOfSatisfying(ComplaintDispatched.class, d -> {
            assertThat(d.supervisor()).isEqualTo("ops-mgr");
            assertThat(d.noInterviews()).isTrue();
            assertThat(d.queued()).isFalse();
        });
        assertThat(events).filteredOn(StaffNotified.class::isInstance).extracting(e -> ((StaffNotified) e).recipient())
                .containsExactlyInAnyOrder("ops-mgr", "pr-mgr");
    }

    @Test
    void given_a_major_media_complaint_nobody_handles_yet_when_dispatched_then_every_notice_says_which_it_is() {
        HandlingCase c = new HandlingCase("C-1");
        List<ComplaintEvent> events = c.dispatch(new DispatchDecision("OPERATIONS", null, "ops-mgr", "pr-mgr",
                "PRODUCT_QUALITY", Severity.MAJOR, Liability.LIABLE, Set.of(Flag.MEDIA), false, "r"), NOW);

        assertThat(events).filteredOn(StaffNotified.class::isInstance).map(StaffNotified.class::cast)
                .extracting(StaffNotified::recipient, StaffNotified::kind)
                .containsExactlyInAnyOrder(tuple("ops-mgr", StaffNotified.Kind.QUEUED),
                        tuple("ops-mgr", StaffNotified.Kind.MAJOR_SUPERVISION), tuple("pr-mgr", StaffNotified.Kind.MEDIA));
    }

    @Test
    void given_nobody_on_duty_when_dispatched_then_it_queues_and_the_manager_is_told() {
        HandlingCase c = new HandlingCase("C-1");
        var events = c.dispatch(new DispatchDecision("OPERATIONS", null, "ops-mgr", null, "OTHER", Severity.GENERAL,
                Liability.LIABLE, Set.of(), false, "r"), NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.QUEUED);
        assertThat(((ComplaintDispatched) events.get(0)).queued()).isTrue();
        assertThat(events).hasAtLeastOneElementOfType(StaffNotified.class);

        c.assignFromQueue("ops-h2", NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.handler()).isEqualTo("ops-h2");
    }

    @Test
    void given_a_dispatched_complaint_when_proposing_without_investigation_then_it_is_refused_and_nothing_changes() {
        HandlingCase c = dispatched(Severity.GENERAL);
        assertThatThrownBy(() -> c.proposeSolution(solution(EscalationLevel.HANDLER, false), NOW))
                .isInstanceOf(IllegalTransition.class);
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.solution()).isNull();
    }

    @Test
    void given_the_happy_path_when_accepted_and_resolved_then_resolved_carries_department_and_handler() {
        HandlingCase c = proposed(false);
        c.acceptSolution("ok", NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.IN_PROGRESS);
        var events = c.resolve(new Resolution("repaired", "sorry", "monthly checks", "eng-h1", NOW), NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.RESOLVED);
        assertThat(events.get(0)).isEqualTo(new ComplaintResolved("repaired", "sorry", "monthly checks", "eng-h1",
                "ENGINEERING", "eng-h1"));
    }

    @Test
    void given_a_solution_was_accepted_when_accepting_again_then_it_is_an_illegal_transition() {
        HandlingCase c = proposed(false);
        c.acceptSolution(null, NOW);
        assertThatThrownBy(() -> c.acceptSolution(null, NOW)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> assertThat(e.current()).isEqualTo(HandlingStatus.IN_PROGRESS));
    }

    @Test
    void given_no_accepted_solution_when_resolving_then_it_is_refused() {
        HandlingCase c = proposed(false);
        assertThatThrownBy(() -> c.resolve(new Resolution("x", null, null, "h", NOW), NOW)).isInstanceOf(IllegalTransition.class);
        assertThat(c.status()).isEqualTo(HandlingStatus.SOLUTION_PROPOSED);
    }

    @Test
    void given_on_site_work_when_resolving_before_arrival_then_it_is_refused_and_after_arrival_allowed_once() {
        HandlingCase c = proposed(true);
        c.acceptSolution(null, NOW);
        assertThatThrownBy(() -> c.resolve(new Resolution("x", null, null, "h", NOW), NOW)).isInstanceOf(IllegalTransition.class);
        c.recordOnSiteArrival(NOW.plusSeconds(3600), "eng-h1", NOW);
        assertThatThrownBy(() -> c.recordOnSiteArrival(NOW, "eng-h1", NOW)).isInstanceOf(IllegalTransition.class);
        c.resolve(new Resolution("x", null, null, "h", NOW), NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.RESOLVED);
    }

    @Test
    void given_rejections_when_appealing_then_it_climbs_handler_to_manager_to_hq_and_lower_levels_cannot_propose() {
        HandlingCase c = proposed(false);
        var rejected = c.rejectSolution("not enough", NOW);
        assertThat(rejected.get(0)).isEqualTo(new SolutionRejected("not enough", EscalationLevel.DEPARTMENT_MANAGER));
        assertThat(c.status()).isEqualTo(HandlingStatus.APPEALED);

        assertThatThrownBy(() -> c.proposeSolution(solution(EscalationLevel.HANDLER, false), NOW)).isInstanceOf(IllegalTransition.class);
        c.proposeSolution(solution(EscalationLevel.DEPARTMENT_MANAGER, false), NOW);
        c.rejectSolution("still not enough", NOW);
        assertThat(c.appealLevel()).isEqualTo(EscalationLevel.HQ);
        assertThatThrownBy(() -> c.proposeSolution(solution(EscalationLevel.DEPARTMENT_MANAGER, false), NOW))
                .isInstanceOf(IllegalTransition.class);
        c.proposeSolution(solution(EscalationLevel.HQ, false), NOW);
        assertThat(c.solution().level()).isEqualTo(EscalationLevel.HQ);
        assertThat(c.appealCount()).isEqualTo(2);
        assertThat(AppealLadder.above(EscalationLevel.HQ)).isEqualTo(EscalationLevel.HQ);
    }

    @Test
    void given_a_resolved_complaint_when_reopened_then_it_is_dispatched_again_in_the_same_department_from_scratch() {
        HandlingCase c = proposed(false);
        c.acceptSolution(null, NOW);
        c.resolve(new Resolution("x", null, null, "h", NOW), NOW);
        var events = c.reopen("not satisfied", "eng-h1", "eng-mgr", NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.department()).isEqualTo("ENGINEERING");
        assertThat(c.solution()).isNull();
        assertThat(c.reopenCount()).isEqualTo(1);
        assertThat(((ComplaintDispatched) events.get(0)).reason()).contains("not satisfied");
        assertThat(c.history()).extracting(h -> h.what()).contains("RESOLVED", "REOPENED");
    }

    /** In progress: the complainant accepted the solution, the handler is carrying it out. */
    static HandlingCase inProgress() {
        HandlingCase c = proposed(false);
        c.acceptSolution(null, NOW);
        return c;
    }

    @Test
    void given_a_reopen_that_meets_a_complaint_still_in_progress_when_it_is_resolved_then_the_reopen_was_kept_not_lost() {
        HandlingCase c = inProgress();

        var early = c.reopenWhileOpen("still too hot", 1, "eng-mgr", NOW);

        // the work goes on: nothing reset, no new dispatch; the reopen is counted and the handler is told
        assertThat(c.status()).isEqualTo(HandlingStatus.IN_PROGRESS);
        assertThat(c.solution()).isNotNull();
        assertThat(c.reopenCount()).isEqualTo(1);
        assertThat(early).singleElement().isInstanceOfSatisfying(StaffNotified.class, n -> {
            assertThat(n.recipient()).isEqualTo(c.handler());
            assertThat(n.role()).isEqualTo(Roles.HANDLER);
            assertThat(n.reason()).contains("still too hot");
        });
        c.resolve(new Resolution("fixed", null, null, "h", NOW), NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.RESOLVED);
        assertThat(c.alreadyReopened(1)).as("the same reopen does not reopen this resolution").isTrue();
        assertThat(c.alreadyReopened(2)).isFalse();

        c.reopen("worse now", 2, "eng-h1", "eng-mgr", NOW);
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.reopenCount()).isEqualTo(2);
    }

    @Test
    void given_the_resolution_first_when_the_reopen_comes_then_it_is_dispatched_again_and_not_twice() {
        HandlingCase c = inProgress();
        c.resolve(new Resolution("fixed", null, null, "h", NOW), NOW);

        var events = c.reopen("still too hot", 1, "eng-h1", "eng-mgr", NOW);

        assertThat(events).first().isInstanceOfSatisfying(ComplaintDispatched.class,
                d -> assertThat(d.kind()).isEqualTo(ComplaintDispatched.Kind.REOPENED));
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.alreadyReopened(1)).isTrue();
        assertThatThrownBy(() -> c.reopen("still too hot", 1, "eng-h1", "eng-mgr", NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void given_a_closed_complaint_when_a_later_reopen_comes_then_it_is_reopened_in_its_department() {
        HandlingCase c = inProgress();
        c.resolve(new Resolution("fixed", null, null, "h", NOW), NOW);
        c.close("revisit: complainant satisfied", NOW);

        var events = c.reopen("changed my mind", 1, null, "eng-mgr", NOW);

        assertThat(c.status()).as("nobody on duty: queued").isEqualTo(HandlingStatus.QUEUED);
        assertThat(c.department()).isEqualTo("ENGINEERING");
        assertThat(events).anyMatch(e -> e instanceof StaffNotified n && n.recipient().equals("eng-mgr"));
        assertThat(c.history()).filteredOn(h -> h.what().equals("REOPENED")).singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("it was CLOSED"));
    }

    @Test
    void given_a_closed_complaint_when_acting_then_every_action_is_refused() {
        HandlingCase c = proposed(false);
        c.close("done", NOW);
        assertThatThrownBy(() -> c.acceptSolution(null, NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.recordInvestigation(investigation(), NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.reassign("x", "r", "m", NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.recordPreventiveMeasure("m", "h", NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void given_a_general_complaint_when_it_becomes_major_then_the_manager_supervises_and_is_notified() {
        HandlingCase c = dispatched(Severity.GENERAL);
        var events = c.reclassify(null, Severity.MAJOR, null, Set.of(Flag.LAWYER), "eng-mgr", "pr-mgr", "lawyer letter", NOW);
        assertThat(c.supervisor()).isEqualTo("eng-mgr");
        assertThat(events).hasAtLeastOneElementOfType(SupervisorAssigned.class).hasAtLeastOneElementOfType(StaffNotified.class);
        assertThat(c.reclassify(null, Severity.MAJOR, null, null, "eng-mgr", "pr-mgr", "again", NOW)).isEmpty();
    }

    @Test
    void given_a_vicious_complaint_when_the_complainant_disagrees_on_site_then_the_15_minute_clock_starts() {
        HandlingCase c = dispatched(Severity.IMPORTANT, Flag.EXTREME_BEHAVIOUR);
        var events = c.recordOnSiteHandling("sup-zhou", "talked for an hour", false, NOW);
        assertThat(events).hasAtLeastOneElementOfType(DisagreementRecorded.class);
        // no automatic notification to the manager: it would stop the clock before the supervisor consulted anyone
        assertThat(events).noneMatch(e -> e instanceof StaffNotified n && Roles.DEPARTMENT_MANAGER.equals(n.role()));
        assertThat(c.disagreementAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> dispatched(Severity.GENERAL).recordOnSiteHandling("sup", "n", true, NOW))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void given_on_site_work_when_the_arrival_is_dated_before_the_proposal_then_it_is_refused() {
        HandlingCase c = proposed(true);
        assertThatThrownBy(() -> c.recordOnSiteArrival(NOW.minusSeconds(3600), "eng-h1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(c.onSiteArrivedAt()).isNull();
        c.recordOnSiteArrival(NOW.plusSeconds(3600), "eng-h1", NOW.plusSeconds(3600));
        assertThat(c.onSiteArrivedAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void given_a_disagreement_when_the_supervisor_consulted_the_manager_then_the_manager_is_reached_once() {
        HandlingCase c = dispatched(Severity.MAJOR, Flag.EXTREME_BEHAVIOUR);
        assertThatThrownBy(() -> c.recordManagerConsulted("sup-zhou", "eng-mgr", "offer a voucher", NOW))
                .isInstanceOf(IllegalTransition.class);
        c.recordOnSiteHandling("sup-zhou", "still angry", false, NOW);

        var events = c.recordManagerConsulted("sup-zhou", "eng-mgr", "offer a voucher", NOW.plusSeconds(600));

        assertThat(events).singleElement().isInstanceOfSatisfying(StaffNotified.class, n -> {
            assertThat(n.recipient()).isEqualTo("eng-mgr");
            assertThat(n.role()).isEqualTo(Roles.DEPARTMENT_MANAGER);
            assertThat(n.consultedBy()).as("the notice that says the manager was reached in person").isEqualTo("sup-zhou");
        });
        assertThat(c.managerConsultedAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(c.history()).extracting(h -> h.what()).contains("MANAGER_CONSULTED");
        assertThatThrownBy(() -> c.recordManagerConsulted("sup-zhou", "eng-mgr", "again", NOW))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void given_a_major_or_vicious_complaint_when_dispatched_then_the_service_supervisor_is_told_to_handle_it_on_the_spot() {
        HandlingCase c = new HandlingCase("C-20261130-000003");
        var events = c.dispatch(new DispatchDecision("OPERATIONS", "ops-h1", "ops-mgr", null, "SERVICE_ATTITUDE",
                Severity.IMPORTANT, Liability.LIABLE, Set.of(Flag.EXTREME_BEHAVIOUR), false, "rule", "sup-zhou"), NOW);
        assertThat(events).anyMatch(e -> e instanceof StaffNotified n && n.recipient().equals("sup-zhou")
                && n.role().equals(Roles.SUPERVISOR));
        var general = new HandlingCase("C-20261130-000004").dispatch(new DispatchDecision("OPERATIONS", "ops-h1", "ops-mgr",
                null, "OTHER", Severity.GENERAL, Liability.LIABLE, Set.of(), false, "rule", "sup-zhou"), NOW);
        assertThat(general).noneMatch(e -> e instanceof StaffNotified);
        var hr = new HandlingCase("C-20261130-000007").dispatch(new DispatchDecision("HR", "hr-h1", "hr-mgr", null,
                "WORKPLACE", Severity.MAJOR, Liability.LIABLE, Set.of(Flag.EXTREME_BEHAVIOUR), true, "rule 10", "sup-zhou"), NOW);
        assertThat(hr).as("a confidential HR complaint stays with HR").noneMatch(e -> e instanceof StaffNotified n
                && n.recipient().equals("sup-zhou"));
        var later = new HandlingCase("C-20261130-000006");
        later.dispatch(new DispatchDecision("OPERATIONS", "ops-h1", "ops-mgr", null, "OTHER", Severity.GENERAL,
                Liability.LIABLE, Set.of(), false, "rule", "sup-zhou"), NOW);
        assertThat(later.reclassify(null, Severity.MAJOR, null, Set.of(Flag.EXTREME_BEHAVIOUR), "ops-mgr", null, "threats", NOW))
                .anyMatch(e -> e instanceof StaffNotified n && n.recipient().equals("sup-zhou"));
    }

    @Test
    void given_a_complaint_dispatched_several_times_then_each_dispatch_says_why_and_is_numbered() {
        HandlingCase c = new HandlingCase("C-20261130-000005");
        var queued = c.dispatch(new DispatchDecision("OPERATIONS", null, "ops-mgr", null, "OTHER", Severity.GENERAL,
                Liability.LIABLE, Set.of(), false, "rule 90"), NOW);
        var fromQueue = c.assignFromQueue("ops-h1", NOW);
        var transferred = c.transfer("FINANCE", "fin-h1", "fin-mgr", false, "a billing matter", "sup-zhou", NOW);
        c.recordInvestigation(investigation(), NOW);
        c.proposeSolution(solution(EscalationLevel.HANDLER, false), NOW);
        c.acceptSolution(null, NOW);
        c.resolve(new Resolution("refunded", null, null, "fin-h1", NOW), NOW);
        var reopened = c.reopen("not satisfied", "fin-h1", "fin-mgr", NOW);

        assertThat(List.of(first(queued), first(fromQueue), first(transferred), first(reopened)))
                .extracting(ComplaintDispatched::kind, ComplaintDispatched::sequence, ComplaintDispatched::queued)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ComplaintDispatched.Kind.ROUTED, 1, true),
                        org.assertj.core.groups.Tuple.tuple(ComplaintDispatched.Kind.ASSIGNED_FROM_QUEUE, 2, false),
                        org.assertj.core.groups.Tuple.tuple(ComplaintDispatched.Kind.TRANSFERRED, 3, false),
                        org.assertj.core.groups.Tuple.tuple(ComplaintDispatched.Kind.REOPENED, 4, false));
        assertThat(c.dispatchCount()).isEqualTo(4);
    }

    static ComplaintDispatched first(List<ComplaintEvent> events) {
        return events.stream().filter(ComplaintDispatched.class::isInstance).map(ComplaintDispatched.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void given_an_appeal_then_the_complainant_is_told_each_decision_with_its_reason_and_level() {
        HandlingCase c = proposed(false);
        c.rejectSolution("the voucher is too small", NOW);
        c.proposeSolution(new Solution(List.of(new SolutionItem(SolutionKind.REFUND, "full refund",
                new Money(new BigDecimal("398.00"), "CNY"))), false, List.of(), EscalationLevel.DEPARTMENT_MANAGER,
                "eng-mgr", NOW, "the unit was out of warranty by a week only; we refund in full"), NOW);
        c.acceptSolution("ok", NOW);
        c.resolve(new Resolution("refunded 398 CNY", "sorry", "monthly checks", "eng-h1", NOW), NOW);

        assertThat(c.notices()).extracting(n -> n.decision().name(), n -> n.level(), n -> n.reason())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SOLUTION_PROPOSED", EscalationLevel.HANDLER,
                                "The department investigated your complaint and proposes this solution."),
                        org.assertj.core.groups.Tuple.tuple("APPEALED", EscalationLevel.DEPARTMENT_MANAGER, "the voucher is too small"),
                        org.assertj.core.groups.Tuple.tuple("RE_EVALUATED", EscalationLevel.DEPARTMENT_MANAGER,
                                "the unit was out of warranty by a week only; we refund in full"),
                        org.assertj.core.groups.Tuple.tuple("ACCEPTED", EscalationLevel.DEPARTMENT_MANAGER,
                                "You accepted the solution; it is being carried out."),
                        org.assertj.core.groups.Tuple.tuple("RESOLVED", null, "refunded 398 CNY"));
    }

    @Test
    void given_a_second_factor_then_only_the_phone_tail_or_the_email_match_and_nothing_is_stored_in_clear() {
        var f = SecondFactor.of("s1", "138-0013-8000", "ZS@Example.com");
        assertThat(f.matches("8000")).isTrue();
        assertThat(f.matches(" zs@example.COM ")).isTrue();
        assertThat(f.matches("0000")).isFalse();
        assertThat(f.matches("138000")).isFalse();
        assertThat(f.matches(null)).isFalse();
        assertThat(f.phoneLast4Hash()).doesNotContain("8000");
        assertThat(SecondFactor.of("s2", "13800138000", null).phoneLast4Hash()).isNotEqualTo(f.phoneLast4Hash());
    }

    @Test
    void given_a_confidential_complaint_when_transferred_out_of_hr_then_it_stays_confidential() {
        HandlingCase c = new HandlingCase("C-1");
        c.dispatch(new DispatchDecision("HR", "hr-h1", "hr-mgr", null, "WORKPLACE", Severity.GENERAL, Liability.LIABLE,
                Set.of(), true, "r"), NOW);
        var events = c.transfer("SECURITY", "sec-h1", "sec-mgr", false, "threat of violence", "hr-mgr", NOW);
        assertThat(c.confidential()).isTrue();
        assertThat(c.department()).isEqualTo("SECURITY");
        assertThat(events).hasSize(2);
        assertThat(((ComplaintDispatched) events.get(1)).confidential()).isTrue();
    }
}
