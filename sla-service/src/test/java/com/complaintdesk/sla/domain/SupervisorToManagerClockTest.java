package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.DisagreementRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SlaBreached;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStopped;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
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
 * SPEC §3.12 (seed 5.3.2): when the complainant still disagrees after the service supervisor's on-site handling, the
 * supervisor must reach the department manager within 15 minutes. Only that consultation (dispatch's
 * {@code manager-consulted}: a notice to the manager with {@code consultedBy}) stops the clock; it used to stop on any
 * notice to any manager, including the SLA escalation of another clock and this clock's own breach.
 */
class SupervisorToManagerClockTest {

    final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();
    final SlaPolicies policies = defaults();
    final Instant disagreed = shanghai("2026-11-23T10:00");

    ComplaintSla withDisagreement() {
        var sla = new ComplaintSla("C-20261123-000015");
        Instant received = disagreed.minus(Duration.ofHours(1));
        sla.apply(received("C-20261123-000015", received), received, policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), received, policies, calendar);
        sla.apply(new DisagreementRecorded("sup-zhou", "still angry"), disagreed, policies, calendar);
        assertThat(sla.clocks().get(SlaClocks.SUPERVISOR_TO_MANAGER).dueAt()).isEqualTo(disagreed.plus(Duration.ofMinutes(15)));
        return sla;
    }

    static StaffNotified told(String reason) {
        return new StaffNotified("ops-mgr-zhao", "DEPARTMENT_MANAGER", "OPERATIONS", reason);
    }

    static StaffNotified consultedBy(String supervisor) {
        return new StaffNotified("ops-mgr-zhao", "DEPARTMENT_MANAGER", "OPERATIONS",
                "Consulted by " + supervisor + " about the complainant's disagreement after on-site handling: apologise", supervisor);
    }

    static List<SlaClockStopped> stopped(List<ComplaintEvent> events) {
        return events.stream().filter(SlaClockStopped.class::isInstance).map(SlaClockStopped.class::cast)
                .filter(s -> s.clock().equals(SlaClocks.SUPERVISOR_TO_MANAGER)).toList();
    }

    @Test
    void given_a_disagreement_when_other_notices_reach_a_manager_then_the_15_minutes_keep_running_and_breach() {
        var sla = withDisagreement();

        for (StaffNotified notice : List.of(told("SLA RESOLUTION escalated to DEPARTMENT_MANAGER."),
                told("Reopened complaint waits in your queue: nobody is on duty."),
                new StaffNotified("pr-mgr", "DEPARTMENT_MANAGER", "PR", "Media involved: PR handles all media contact."))) {
            assertThat(stopped(sla.apply(notice, disagreed.plus(Duration.ofMinutes(5)), policies, calendar)))
                    .as(notice.reason()).isEmpty();
        }

        assertThat(sla.fire(disagreed.plus(Duration.ofMinutes(15)), calendar))
                .anyMatch(e -> e instanceof SlaBreached b && b.clock().equals(SlaClocks.SUPERVISOR_TO_MANAGER));
    }

    @Test
    void given_a_disagreement_when_the_supervisor_consulted_the_manager_in_time_then_the_clock_stops_on_time() {
        var sla = withDisagreement();

        var events = sla.apply(consultedBy("sup-zhou"), disagreed.plus(Duration.ofMinutes(10)), policies, calendar);

        assertThat(stopped(events)).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("MANAGER_REACHED");
            assertThat(s.breached()).isFalse();
        });
        assertThat(sla.fire(disagreed.plus(Duration.ofHours(1)), calendar)).isEmpty();
    }

    @Test
    void given_a_breached_clock_when_its_own_escalation_reaches_the_manager_then_it_still_waits_for_the_consultation() {
        var sla = withDisagreement();
        sla.fire(disagreed.plus(Duration.ofMinutes(15)), calendar);

        // dispatch passes the escalation on to the manager: a notice, not the supervisor's consultation
        var escalated = sla.apply(told("SLA SUPERVISOR_TO_MANAGER escalated to DEPARTMENT_MANAGER."),
                disagreed.plus(Duration.ofMinutes(16)), policies, calendar);
        assertThat(stopped(escalated)).isEmpty();
        assertThat(sla.overdueClocks()).contains(SlaClocks.SUPERVISOR_TO_MANAGER);

        var consulted = sla.apply(consultedBy("sup-zhou"), disagreed.plus(Duration.ofMinutes(25)), policies, calendar);
        assertThat(stopped(consulted)).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("MANAGER_REACHED");
            assertThat(s.breached()).as("reached 25 minutes after the disagreement").isTrue();
        });
    }
}
