package com.complaintdesk.followup.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.complaintdesk.followup.domain.Policies.CALENDAR;
import static com.complaintdesk.followup.domain.Policies.at;
import static org.assertj.core.api.Assertions.assertThat;

class RevisitPolicyTest {

    @Test
    void given_the_default_rule_when_resolved_on_a_friday_then_due_at_close_of_the_second_working_day() {
        var policy = Policies.standard();

        var due = policy.dueAt(at("2026-11-27T15:00"), CALENDAR);

        // Mon 30 Nov is the first working day, Tue 1 Dec the second
        assertThat(due).isEqualTo(at("2026-12-01T18:00"));
    }

    @Test
    void given_the_default_rule_when_resolved_before_the_national_day_holidays_then_the_holidays_do_not_count() {
        var due = Policies.standard().dueAt(at("2026-09-30T10:00"), CALENDAR);

        assertThat(due).isEqualTo(at("2026-10-09T18:00"));
    }

    @Test
    void given_the_default_rule_when_a_make_up_sunday_follows_then_it_counts_as_a_working_day() {
        // 2026-09-20 (Sunday) is a make-up working day (调休)
        var due = Policies.standard().dueAt(at("2026-09-18T16:00"), CALENDAR);

        assertThat(due).isEqualTo(at("2026-09-21T18:00"));
    }

    @Test
    void given_the_company_rule_when_resolved_then_due_three_calendar_days_after_the_reply() {
        var due = Policies.withRule(RevisitRule.DAYS_AFTER_REPLY).dueAt(at("2026-11-27T15:00"), CALENDAR);

        assertThat(due).isEqualTo(at("2026-11-30T15:00"));
    }

    @Test
    void given_the_earlier_of_both_when_resolved_then_the_earlier_deadline_wins_either_way() {
        var policy = Policies.withRule(RevisitRule.EARLIER_OF_BOTH);

        // Friday: 3 days (Mon 15:00) beats 2 working days (Tue 18:00)
        assertThat(policy.dueAt(at("2026-11-27T15:00"), CALENDAR)).isEqualTo(at("2026-11-30T15:00"));
        // Tuesday: 2 working days (Thu 18:00) beats 3 days (Fri 10:00)
        assertThat(policy.dueAt(at("2026-11-24T10:00"), CALENDAR)).isEqualTo(at("2026-11-26T18:00"));
    }

    @Test
    void given_the_routes_when_an_anchor_tenant_is_revisited_then_the_supervisor_goes_in_person_and_others_get_the_desk() {
        var policy = Policies.standard();

        assertThat(policy.routeFor(ComplainantType.ANCHOR_TENANT)).isEqualTo(Policies.SUPERVISOR_IN_PERSON);
        assertThat(policy.routeFor(ComplainantType.CONSUMER)).isEqualTo(Policies.DESK_BY_PHONE);
        assertThat(policy.routeFor(null)).isEqualTo(Policies.DESK_BY_PHONE);
    }

    @Test
    void given_the_special_report_rules_then_major_or_vicious_needs_one_and_general_does_not() {
        var policy = Policies.standard();

        assertThat(policy.needsSpecialReport(Severity.MAJOR, Set.of())).isTrue();
        assertThat(policy.needsSpecialReport(Severity.GENERAL, Set.of(Flag.EXTREME_BEHAVIOUR))).isTrue();
        assertThat(policy.needsSpecialReport(Severity.IMPORTANT, Set.of(Flag.OUT_OF_HOURS))).isFalse();
        assertThat(policy.needsSpecialReport(null, null)).isFalse();
    }

    @Test
    void given_a_rating_then_satisfied_from_the_threshold_up() {
        var policy = Policies.standard();

        assertThat(policy.isSatisfied(3)).isTrue();
        assertThat(policy.isSatisfied(2)).isFalse();
    }

    @Test
    void given_a_broken_policy_then_every_bad_field_is_named() {
        var broken = new RevisitPolicy(null, 0, 3, 0, null, 9, 0, null, Set.of(), Set.of(),
                Map.of(ComplainantType.ANCHOR_TENANT, new RevisitRoute("IN_PERSON", " ", "SUPERVISOR")), null);

        assertThat(broken.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "rule", "workingDays", "maxAttempts", "unreachableOutcome", "satisfiedFrom", "escalateFromReopen",
                "escalateTo", "defaultRoute", "routes.ANCHOR_TENANT.assignee");
        assertThat(Policies.standard().problems()).isEmpty();
    }
}
