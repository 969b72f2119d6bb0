package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.SlaEvents.SlaBreached;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockPaused;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockResumed;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStopped;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.SlaEvents.SlaWarning;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.complaintdesk.contracts.model.EscalationLevel.DEPARTMENT_MANAGER;
import static com.complaintdesk.contracts.model.EscalationLevel.HQ;
import static com.complaintdesk.contracts.model.EscalationLevel.SERVICE_SUPERVISOR;
import static com.complaintdesk.sla.support.SlaMother.defaults;
import static com.complaintdesk.sla.support.SlaMother.ladder;
import static com.complaintdesk.sla.support.SlaMother.policy;
import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.sla.support.SlaMother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/** The clocks of one complaint, driven by events and time (SPEC §4). Dates are in November 2026 (no holidays). */
class ComplaintSlaTest {

    final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();

    /** Resolution in business time: 18 working hours (GENERAL), 9 (MAJOR). */
    final SlaPolicies businessTime = new SlaPolicies(List.of(
            policy("res", SlaClocks.RESOLUTION, Set.of(), TargetKind.BUSINESS_TIME, Duration.ofHours(18), 0, false, false,
                    ladder(SERVICE_SUPERVISOR, Duration.ZERO, DEPARTMENT_MANAGER, Duration.ofHours(4), HQ, Duration.ofDays(1))),
            policy("res-major", SlaClocks.RESOLUTION, Set.of(Severity.MAJOR), TargetKind.BUSINESS_TIME, Duration.ofHours(9), 0,
                    false, false, ladder(DEPARTMENT_MANAGER, Duration.ZERO))));

    static <T> List<T> only(List<ComplaintEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    ComplaintSla acceptedOnMonday(SlaPolicies policies) {
        var sla = new ComplaintSla("C-20261123-000001");
        sla.apply(received("C-20261123-000001", shanghai("2026-11-23T09:30")), shanghai("2026-11-23T09:30"), policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), shanghai("2026-11-23T10:00"), policies, calendar);
        return sla;
    }

    @Test
    void given_a_running_clock_when_the_complaint_awaits_documents_then_the_paused_time_is_added_to_the_deadline() {
        // given: accepted Monday 10:00, 18 working hours → due Wednesday 10:00
        var sla = acceptedOnMonday(businessTime);
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-11-25T10:00"));

        // when: waiting on the complainant from Monday 12:00 to Tuesday 12:00 (9 working hours)
        var paused = sla.apply(new AwaitingDocuments(List.of("receipt"), "no receipt"), shanghai("2026-11-23T12:00"), businessTime, calendar);
        var resumed = sla.apply(new EvidenceAdded(null, 1, "complainant"), shanghai("2026-11-24T12:00"), businessTime, calendar);

        // then
        assertThat(only(paused, SlaClockPaused.class)).extracting(SlaClockPaused::clock).contains(SlaClocks.RESOLUTION);
        var r = only(resumed, SlaClockResumed.class).stream().filter(e -> e.clock().equals(SlaClocks.RESOLUTION)).findFirst().orElseThrow();
        assertThat(r.dueAt()).isEqualTo(shanghai("2026-11-26T10:00"));
        assertThat(r.pausedSeconds()).isEqualTo(Duration.ofHours(24).toSeconds());
        assertThat(only(resumed, SlaClockStarted.class)).extracting(SlaClockStarted::dueAt).contains(shanghai("2026-11-26T10:00"));
    }

    @Test
    void given_a_paused_and_resumed_clock_when_the_severity_changes_then_the_new_target_still_counts_the_pause() {
        var sla = acceptedOnMonday(businessTime);
        sla.apply(new AwaitingDocuments(List.of("receipt"), "no receipt"), shanghai("2026-11-23T12:00"), businessTime, calendar);
        sla.apply(new EvidenceAdded(null, 1, "complainant"), shanghai("2026-11-24T12:00"), businessTime, calendar);

        // when: re-classified MAJOR → 9 working hours from Monday 10:00 = Tuesday 10:00 without the pause
        var events = sla.apply(new ComplaintReclassified("PRODUCT_QUALITY", Severity.MAJOR, Liability.UNDETERMINED, Set.of(),
                "officer", "media"), shanghai("2026-11-24T13:00"), businessTime, calendar);

        // then: 7 working hours were left when it paused (Mon 12–18, Tue 9–10), so Tuesday 12:00 + 7 h = Wednesday 10:00
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-11-25T10:00"));
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).policyId()).isEqualTo("res-major");
        assertThat(only(events, SlaClockStarted.class)).extracting(SlaClockStarted::dueAt).contains(shanghai("2026-11-25T10:00"));
    }

    @Test
    void given_a_running_clock_when_time_passes_then_it_warns_at_80_percent_breaches_and_climbs_the_ladder_once() {
        var sla = acceptedOnMonday(businessTime);
        // 80 % of 18 working hours = 14.4 h → Tuesday 15:24
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).warnAt()).isEqualTo(shanghai("2026-11-24T15:24"));
        assertThat(sla.nextWake()).isEqualTo(shanghai("2026-11-24T15:24"));

        assertThat(sla.fire(shanghai("2026-11-24T15:00"), calendar)).isEmpty();
        var warning = only(sla.fire(shanghai("2026-11-24T15:30"), calendar), SlaWarning.class);
        assertThat(warning).singleElement().satisfies(w -> {
            assertThat(w.clock()).isEqualTo(SlaClocks.RESOLUTION);
            assertThat(w.percentElapsed()).isBetween(80, 82);
        });
        assertThat(sla.fire(shanghai("2026-11-24T16:00"), calendar)).as("warned once").isEmpty();

        // breach at Wednesday 10:00 → service supervisor
        var breach = sla.fire(shanghai("2026-11-25T10:00"), calendar);
        assertThat(only(breach, SlaBreached.class)).singleElement().extracting(SlaBreached::level).isEqualTo(SERVICE_SUPERVISOR);
        assertThat(only(breach, SlaEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(SERVICE_SUPERVISOR);
            assertThat(e.notifyRole()).isEqualTo("SUPERVISOR");
            assertThat(e.nextDueAt()).isEqualTo(shanghai("2026-11-25T14:00"));
        });
        assertThat(sla.overdue()).isTrue();

        // each further step at its own target: manager 4 h later, HQ a day after that
        assertThat(sla.fire(shanghai("2026-11-25T13:59"), calendar)).isEmpty();
        assertThat(only(sla.fire(shanghai("2026-11-25T14:00"), calendar), SlaEscalated.class))
                .extracting(SlaEscalated::level).containsExactly(DEPARTMENT_MANAGER);
        assertThat(only(sla.fire(shanghai("2026-11-26T14:00"), calendar), SlaEscalated.class))
                .extracting(SlaEscalated::level).containsExactly(HQ);
        assertThat(sla.fire(shanghai("2026-12-31T00:00"), calendar)).as("the ladder ends at HQ").isEmpty();
        assertThat(sla.nextWake()).isNull();
    }

    @Test
    void given_a_late_timer_when_it_fires_after_several_steps_then_each_step_is_published_once_in_order() {
        var sla = acceptedOnMonday(businessTime);
        var events = sla.fire(shanghai("2026-11-30T10:00"), calendar);
        assertThat(only(events, SlaWarning.class)).isEmpty();
        assertThat(only(events, SlaEscalated.class)).extracting(SlaEscalated::level)
                .containsExactly(SERVICE_SUPERVISOR, DEPARTMENT_MANAGER, HQ);
    }

    @Test
    void given_a_breached_clock_when_the_complaint_is_resolved_then_it_stops_late_with_its_measures_and_the_revisit_starts() {
        var policies = defaults();
        var sla = acceptedOnMonday(policies);
        sla.fire(shanghai("2026-11-25T18:00"), calendar); // resolution due Wednesday 18:00

        var events = sla.apply(new com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved("fixed", "sorry",
                null, "h1", "ENG", "h1"), shanghai("2026-11-26T10:00"), policies, calendar);

        var stopped = only(events, SlaClockStopped.class).get(0);
        assertThat(stopped.clock()).isEqualTo(SlaClocks.RESOLUTION);
        assertThat(stopped.breached()).isTrue();
        assertThat(stopped.elapsedSeconds()).isEqualTo(Duration.ofHours(72).toSeconds());
        assertThat(stopped.businessSeconds()).isEqualTo(Duration.ofHours(8 + 9 + 9 + 1).toSeconds());
        assertThat(sla.resolvedAt()).isEqualTo(shanghai("2026-11-26T10:00"));
        assertThat(sla.overdue()).isFalse();
        assertThat(sla.clocks().get(SlaClocks.REVISIT).dueAt()).isEqualTo(shanghai("2026-11-30T18:00"));
    }

    @Test
    void given_the_complainants_requested_deadline_when_resolution_starts_then_it_is_the_deadline() {
        var policies = defaults();
        var sla = new ComplaintSla("C-9");
        sla.apply(received("C-9", shanghai("2026-11-23T09:30"), false, null, ComplainantType.CONSUMER, LocalDate.of(2026, 12, 1)),
                shanghai("2026-11-23T09:30"), policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), shanghai("2026-11-23T10:00"), policies, calendar);
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-12-02T00:00"));
        assertThat(sla.firstResponseAt()).isEqualTo(shanghai("2026-11-23T10:00"));
    }

    @Test
    void given_a_liable_complaint_unresolved_for_a_month_then_a_severity_upgrade_is_requested_and_manager_and_hq_are_told() {
        var policies = defaults();
        var sla = acceptedOnMonday(policies);
        var started = sla.apply(triaged(Severity.GENERAL, Liability.LIABLE), shanghai("2026-11-23T10:05"), policies, calendar);
        assertThat(only(started, SlaClockStarted.class)).extracting(SlaClockStarted::clock).contains(SlaClocks.LIABLE_ONE_MONTH);

        var events = sla.fire(shanghai("2026-12-23T10:00"), calendar);

        assertThat(only(events, SeverityUpgradeRequested.class)).singleElement()
                .extracting(SeverityUpgradeRequested::to).isEqualTo(Severity.MAJOR);
        assertThat(only(events, SlaEscalated.class).stream().filter(e -> e.clock().equals(SlaClocks.LIABLE_ONE_MONTH)))
                .extracting(SlaEscalated::level).containsExactly(DEPARTMENT_MANAGER, HQ);

        // triage turns it into a reclassification: the monthly clock has done its job, the MAJOR clocks start
        var upgraded = sla.apply(new ComplaintReclassified(null, Severity.MAJOR, Liability.LIABLE, Set.of(), "sla", "1 month"),
                shanghai("2026-12-23T10:01"), policies, calendar);
        assertThat(only(upgraded, SlaClockStopped.class)).extracting(SlaClockStopped::clock).contains(SlaClocks.LIABLE_ONE_MONTH);
        assertThat(only(upgraded, SlaClockStarted.class)).extracting(SlaClockStarted::clock)
                .contains(SlaClocks.MAJOR_TO_MANAGER, SlaClocks.MAJOR_TO_HQ);
        assertThat(sla.fire(shanghai("2026-12-24T10:00"), calendar)).as("no second upgrade")
                .noneMatch(e -> e instanceof SeverityUpgradeRequested);
    }

    @Test
    void given_a_not_liable_complaint_identified_the_next_day_then_the_no_fault_clock_stops_late() {
        var policies = defaults();
        var sla = acceptedOnMonday(policies);
        var events = sla.apply(triaged(Severity.GENERAL, Liability.NOT_LIABLE), shanghai("2026-11-24T10:00"), policies, calendar);
        assertThat(only(events, SlaClockStopped.class)).singleElement().satisfies(s -> {
            assertThat(s.clock()).isEqualTo(SlaClocks.NO_FAULT_IDENTIFIED);
            assertThat(s.breached()).isTrue();
            assertThat(s.dueAt()).isEqualTo(shanghai("2026-11-23T18:00"));
        });
    }

    @Test
    void given_open_clocks_when_the_complaint_closes_then_all_stop_and_later_events_change_nothing() {
        var policies = defaults();
        var sla = acceptedOnMonday(policies);
        var events = sla.apply(new ComplaintClosed("withdrawn"), shanghai("2026-11-23T11:00"), policies, calendar);
        assertThat(only(events, SlaClockStopped.class)).extracting(SlaClockStopped::clock).containsExactly(SlaClocks.RESOLUTION);
        assertThat(sla.nextWake()).isNull();
        assertThat(sla.apply(new ComplaintAccepted("x", null), shanghai("2026-11-23T12:00"), policies, calendar)).isEmpty();
    }

    @Test
    void given_a_major_complaint_when_the_manager_is_notified_then_the_manager_clock_stops_in_time() {
        var policies = defaults();
        var sla = acceptedOnMonday(policies);
        sla.apply(triaged(Severity.MAJOR, Liability.LIABLE), shanghai("2026-11-23T10:05"), policies, calendar);
        var events = sla.apply(new com.complaintdesk.contracts.events.DispatchEvents.StaffNotified("m1", "DEPARTMENT_MANAGER",
                "ENG", "major"), shanghai("2026-11-23T10:06"), policies, calendar);
        assertThat(only(events, SlaClockStopped.class)).singleElement().satisfies(s -> {
            assertThat(s.clock()).isEqualTo(SlaClocks.MAJOR_TO_MANAGER);
            assertThat(s.breached()).isFalse();
        });
        assertThat(sla.clocks()).doesNotContainKey(SlaClocks.LIABLE_ONE_MONTH);
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).policyId()).isEqualTo("resolution-major");
        assertThat(sla.clocks().get(SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-11-25T18:00"));
        assertThat(sla.clocks().get(SlaClocks.MAJOR_TO_HQ).active()).as("HQ not told yet").isTrue();
    }
}
