package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.DepartmentTransferred;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SlaBreached;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStopped;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static com.complaintdesk.sla.support.SlaMother.defaults;
import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.sla.support.SlaMother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.5, §4 "MAJOR or COLLECTIVE to department manager — same day (immediately notified)": the clock stops on the
 * MAJOR notice of this complaint to the responsible department's manager, and on nothing else a manager is told
 * (nobody on duty, a transfer into the queue, PR about the media, an SLA escalation, a consultation). It used to stop
 * on any {@code StaffNotified} to any DEPARTMENT_MANAGER.
 */
class MajorToManagerClockTest {

    static final String ID = "C-20261123-000021";

    final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();
    final SlaPolicies policies = defaults();
    final Instant monday = shanghai("2026-11-23T10:00");

    /** Accepted and triaged MAJOR on Monday morning, dispatched to OPERATIONS's queue with no supervisor named. */
    ComplaintSla majorQueuedInOperations() {
        var sla = new ComplaintSla(ID);
        sla.apply(received(ID, monday), monday, policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), monday, policies, calendar);
        sla.apply(triaged(Severity.MAJOR, Liability.LIABLE), monday, policies, calendar);
        sla.apply(new ComplaintDispatched("OPERATIONS", null, null, "PRODUCT_QUALITY", Severity.MAJOR, false, false,
                true, "rule"), monday.plusSeconds(60), policies, calendar);
        assertThat(sla.clocks().get(SlaClocks.MAJOR_TO_MANAGER).active()).isTrue();
        return sla;
    }

    static StaffNotified toManager(String department, String reason) {
        return new StaffNotified("mgr-" + department.toLowerCase(), "DEPARTMENT_MANAGER", department, reason);
    }

    /** The manager clock's stop among what one event caused, if it stopped. */
    static Optional<SlaClockStopped> managerClockStop(List<ComplaintEvent> events) {
        return events.stream()
                .flatMap(e -> e instanceof SlaClockStopped s && s.clock().equals(SlaClocks.MAJOR_TO_MANAGER)
                        ? Stream.of(s) : Stream.empty())
                .findFirst();
    }

    @Test
    void given_a_major_complaint_when_a_manager_is_told_something_else_then_the_clock_runs_on_and_breaches() {
        var sla = majorQueuedInOperations();
        Instant later = monday.plusSeconds(120);

        for (StaffNotified unrelated : List.of(
                toManager("OPERATIONS", "Nobody in OPERATIONS is on duty: the complaint waits in the department queue."),
                toManager("OPERATIONS", "Transferred complaint waits in your queue: nobody is on duty."),
                toManager("OPERATIONS", "Reopened complaint waits in your queue: nobody is on duty."),
                toManager("PR", "Media involved: PR handles all media contact; no interviews by anyone else."),
                toManager("OPERATIONS", "SLA RESOLUTION escalated to DEPARTMENT_MANAGER."),
                toManager("OPERATIONS", "SLA MAJOR_TO_MANAGER escalated to DEPARTMENT_MANAGER."),
                new StaffNotified("mgr-operations", "DEPARTMENT_MANAGER", "OPERATIONS",
                        "Consulted by sup-zhou about the complainant's disagreement after on-site handling: apologise",
                        "sup-zhou"),
                // the MAJOR notice, but to nobody, to another department's manager, or to a handler
                new StaffNotified(null, "DEPARTMENT_MANAGER", "OPERATIONS", "MAJOR complaint: you supervise it personally."),
                toManager("ENGINEERING", "MAJOR complaint: you supervise it personally."),
                new StaffNotified("h-1", "HANDLER", "OPERATIONS", "MAJOR complaint: you supervise it personally."))) {
            assertThat(managerClockStop(sla.apply(unrelated, later, policies, calendar))).as(unrelated.toString()).isEmpty();
        }

        assertThat(sla.clocks().get(SlaClocks.MAJOR_TO_MANAGER).active()).isTrue();
        // SAME_BUSINESS_DAY: due at Monday's close, then manager and HQ are told
        assertThat(sla.fire(shanghai("2026-11-23T18:01"), calendar))
                .anyMatch(e -> e instanceof SlaBreached b && b.clock().equals(SlaClocks.MAJOR_TO_MANAGER));
    }

    @Test
    void given_a_major_complaint_when_the_responsible_manager_gets_the_major_notice_then_the_clock_stops_in_time() {
        var sla = majorQueuedInOperations();
        sla.apply(toManager("OPERATIONS", "Nobody in OPERATIONS is on duty: the complaint waits in the department queue."),
                monday.plusSeconds(60), policies, calendar);

        var events = sla.apply(toManager("OPERATIONS", "MAJOR complaint: you supervise it personally."),
                monday.plusSeconds(60), policies, calendar);

        assertThat(managerClockStop(events)).hasValueSatisfying(s -> {
            assertThat(s.breached()).isFalse();
            assertThat(s.reason()).isEqualTo("MANAGER_NOTIFIED");
        });
        assertThat(sla.clocks().get(SlaClocks.MAJOR_TO_HQ).active()).as("HQ is a clock of its own").isTrue();
    }

    @Test
    void given_a_complaint_that_became_major_when_its_manager_is_told_then_the_clock_stops() {
        var sla = new ComplaintSla(ID);
        sla.apply(received(ID, monday), monday, policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), monday, policies, calendar);
        sla.apply(triaged(Severity.GENERAL, Liability.LIABLE), monday, policies, calendar);
        sla.apply(new ComplaintDispatched("OPERATIONS", "h-1", null, "PRODUCT_QUALITY", Severity.GENERAL, false, false,
                false, "rule"), monday, policies, calendar);
        sla.apply(new ComplaintReclassified("PRODUCT_QUALITY", Severity.MAJOR, Liability.LIABLE, Set.of(), "officer-2",
                "lawyer's letter"), monday.plusSeconds(600), policies, calendar);
        assertThat(sla.clocks().get(SlaClocks.MAJOR_TO_MANAGER).active()).isTrue();

        var events = sla.apply(toManager("OPERATIONS", "Complaint became MAJOR: you supervise it personally."),
                monday.plusSeconds(601), policies, calendar);

        assertThat(managerClockStop(events)).hasValueSatisfying(s -> assertThat(s.breached()).isFalse());
    }

    @Test
    void given_a_major_complaint_transferred_when_the_new_departments_manager_is_told_then_that_notice_counts() {
        var sla = majorQueuedInOperations();
        sla.apply(new DepartmentTransferred("OPERATIONS", "ENGINEERING", null, null, "wrong department", "mgr-operations"),
                monday.plusSeconds(300), policies, calendar);

        assertThat(managerClockStop(sla.apply(toManager("OPERATIONS", "MAJOR complaint: you supervise it personally."),
                monday.plusSeconds(301), policies, calendar))).as("no longer the responsible manager").isEmpty();
        assertThat(managerClockStop(sla.apply(toManager("ENGINEERING", "MAJOR complaint transferred to you."),
                monday.plusSeconds(302), policies, calendar))).isPresent();
    }

    @Test
    void given_a_desk_that_words_its_major_notice_otherwise_when_configured_then_only_that_wording_stops_the_clock() {
        var chinese = new SlaPolicies(policies.all(), MajorManagerNotice.of("DEPARTMENT_MANAGER", "重大投诉"));
        var sla = new ComplaintSla(ID);
        sla.apply(received(ID, monday), monday, chinese, calendar);
        sla.apply(new ComplaintAccepted("officer", null), monday, chinese, calendar);
        sla.apply(triaged(Severity.MAJOR, Liability.LIABLE), monday, chinese, calendar);

        assertThat(managerClockStop(sla.apply(toManager("OPERATIONS", "MAJOR complaint: you supervise it personally."),
                monday.plusSeconds(60), chinese, calendar))).isEmpty();
        assertThat(managerClockStop(sla.apply(toManager("OPERATIONS", "重大投诉:请亲自督办"),
                monday.plusSeconds(90), chinese, calendar))).isPresent();
    }

    @Test
    void given_notices_that_say_their_kind_then_the_kind_decides_and_the_wording_does_not() {
        var sla = majorQueuedInOperations();
        for (StaffNotified.Kind other : StaffNotified.Kind.values()) {
            if (other == StaffNotified.Kind.MAJOR_SUPERVISION) {
                continue;
            }
            var worded = new StaffNotified("mgr-operations", "DEPARTMENT_MANAGER", "OPERATIONS",
                    "MAJOR complaint: you supervise it personally.", other);
            assertThat(managerClockStop(sla.apply(worded, monday.plusSeconds(90), policies, calendar)))
                    .as(other + " worded like the MAJOR notice").isEmpty();
        }

        var reworded = new StaffNotified("mgr-operations", "DEPARTMENT_MANAGER", "OPERATIONS", "重大投诉:请亲自督办",
                StaffNotified.Kind.MAJOR_SUPERVISION);
        assertThat(managerClockStop(sla.apply(reworded, monday.plusSeconds(120), policies, calendar)))
                .as("the MAJOR notice in other words").isPresent();
    }
}
