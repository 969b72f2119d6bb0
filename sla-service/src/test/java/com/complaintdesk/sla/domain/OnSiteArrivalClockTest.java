package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintReassigned;
import com.complaintdesk.contracts.events.DispatchEvents.DepartmentTransferred;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionProposed;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionRejected;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SlaBreached;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStopped;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.complaintdesk.sla.support.SlaMother.defaults;
import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.10: engineering on site within 24 hours of a solution that needs on-site work — and only while that
 * solution stands: the complainant rejecting it (an appeal, SPEC §3.11) ends its clock, found by the system test of
 * the handling path (the clock ran on and breached a day later for work nobody agreed to). So does a transfer to
 * another department, which drops the proposal (the clock ran on and escalated to the old department's manager);
 * a reassignment inside the department keeps the proposal and the clock.
 */
class OnSiteArrivalClockTest {

    final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();
    final SlaPolicies policies = defaults();
    final Instant monday = shanghai("2026-11-23T10:00");

    ComplaintSla withOnSiteSolutionProposed() {
        var sla = new ComplaintSla("C-20261123-000009");
        sla.apply(received("C-20261123-000009", monday), monday, policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), monday, policies, calendar);
        List<ComplaintEvent> started = sla.apply(proposal(true, EscalationLevel.HANDLER), monday.plusSeconds(3600), policies, calendar);
        assertThat(started).filteredOn(SlaClockStarted.class::isInstance).map(e -> ((SlaClockStarted) e).clock())
                .containsExactly(SlaClocks.ON_SITE_ARRIVAL);
        return sla;
    }

    static SolutionProposed proposal(boolean onSite, EscalationLevel level) {
        return new SolutionProposed(List.of(new SolutionItem(SolutionKind.REPAIR, "repair on site", null)), onSite, List.of(),
                level, "h1");
    }

    @Test
    void given_an_on_site_solution_when_the_complainant_rejects_it_then_its_arrival_clock_stops_and_never_breaches() {
        var sla = withOnSiteSolutionProposed();

        List<ComplaintEvent> out = sla.apply(new SolutionRejected("not this way", EscalationLevel.DEPARTMENT_MANAGER),
                monday.plusSeconds(7200), policies, calendar);

        assertThat(out).filteredOn(SlaClockStopped.class::isInstance).map(e -> (SlaClockStopped) e)
                .singleElement().satisfies(stopped -> {
                    assertThat(stopped.clock()).isEqualTo(SlaClocks.ON_SITE_ARRIVAL);
                    assertThat(stopped.reason()).isEqualTo("SOLUTION_REJECTED");
                    assertThat(stopped.breached()).isFalse();
                });
        assertThat(sla.fire(monday.plus(Duration.ofDays(3)), calendar))
                .noneMatch(e -> e instanceof SlaBreached b && b.clock().equals(SlaClocks.ON_SITE_ARRIVAL));
    }

    @Test
    void given_a_rejected_on_site_solution_when_the_re_evaluated_one_needs_on_site_work_too_then_its_clock_starts_again() {
        var sla = withOnSiteSolutionProposed();
        sla.apply(new SolutionRejected("not this way", EscalationLevel.DEPARTMENT_MANAGER), monday.plusSeconds(7200), policies,
                calendar);

        Instant again = monday.plus(Duration.ofDays(1));
        List<ComplaintEvent> out = sla.apply(proposal(true, EscalationLevel.DEPARTMENT_MANAGER), again, policies, calendar);

        assertThat(out).filteredOn(SlaClockStarted.class::isInstance).map(e -> (SlaClockStarted) e).singleElement()
                .satisfies(started -> {
                    assertThat(started.clock()).isEqualTo(SlaClocks.ON_SITE_ARRIVAL);
                    assertThat(started.startedAt()).isEqualTo(again);
                });
    }

    @Test
    void given_an_on_site_solution_when_the_complaint_is_transferred_to_another_department_then_its_clock_stops_as_superseded() {
        var sla = withOnSiteSolutionProposed();

        List<ComplaintEvent> out = sla.apply(new DepartmentTransferred("ENGINEERING", "OPERATIONS", "h1", "ops-h1",
                "not a building matter", "eng-mgr"), monday.plusSeconds(7200), policies, calendar);

        assertThat(out).filteredOn(SlaClockStopped.class::isInstance).map(e -> (SlaClockStopped) e)
                .singleElement().satisfies(stopped -> {
                    assertThat(stopped.clock()).isEqualTo(SlaClocks.ON_SITE_ARRIVAL);
                    assertThat(stopped.reason()).isEqualTo("DEPARTMENT_TRANSFERRED");
                    assertThat(stopped.breached()).isFalse();
                });
        SlaClock clock = sla.clocks().get(SlaClocks.ON_SITE_ARRIVAL);
        assertThat(clock.active()).isFalse();
        assertThat(clock.history()).last().extracting(ClockMetric::kind).as("called off, not fulfilled")
                .isEqualTo(ClockMetric.Kind.CANCELLED);
        assertThat(sla.fire(monday.plus(Duration.ofDays(3)), calendar))
                .noneMatch(e -> e instanceof SlaBreached b && b.clock().equals(SlaClocks.ON_SITE_ARRIVAL));
        assertThat(sla.overdueClocks()).doesNotContain(SlaClocks.ON_SITE_ARRIVAL);
    }

    @Test
    void given_a_transferred_complaint_when_the_new_department_proposes_on_site_work_then_a_fresh_24_hours_start() {
        var sla = withOnSiteSolutionProposed();
        sla.apply(new DepartmentTransferred("ENGINEERING", "OPERATIONS", "h1", "ops-h1", "not a building matter", "eng-mgr"),
                monday.plusSeconds(7200), policies, calendar);

        Instant again = monday.plus(Duration.ofDays(2));
        List<ComplaintEvent> out = sla.apply(proposal(true, EscalationLevel.HANDLER), again, policies, calendar);

        assertThat(out).filteredOn(SlaClockStarted.class::isInstance).map(e -> (SlaClockStarted) e).singleElement()
                .satisfies(started -> {
                    assertThat(started.clock()).isEqualTo(SlaClocks.ON_SITE_ARRIVAL);
                    assertThat(started.startedAt()).isEqualTo(again);
                    assertThat(started.dueAt()).isEqualTo(again.plus(Duration.ofHours(24)));
                });
        assertThat(sla.finished()).extracting(SlaClock::stopReason).contains("DEPARTMENT_TRANSFERRED");
    }

    @Test
    void given_an_on_site_solution_when_the_complaint_is_reassigned_in_the_department_then_the_visit_is_still_due() {
        var sla = withOnSiteSolutionProposed();

        List<ComplaintEvent> out = sla.apply(new ComplaintReassigned("ENGINEERING", "h1", "h2", "h1 is off sick", "eng-mgr"),
                monday.plusSeconds(7200), policies, calendar);

        // the proposal stands with the new handler: the complainant may still accept it and the visit must be made
        assertThat(out).isEmpty();
        assertThat(sla.fire(monday.plusSeconds(3600).plus(Duration.ofHours(24)), calendar))
                .anyMatch(e -> e instanceof SlaBreached b && b.clock().equals(SlaClocks.ON_SITE_ARRIVAL));
    }
}
