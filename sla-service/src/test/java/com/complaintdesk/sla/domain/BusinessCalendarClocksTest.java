package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.complaintdesk.sla.support.SlaMother.defaults;
import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines against the real 2026 schedule (State Council notice): National Day 1–7 October with the make-up
 * working days Sunday 20 September and Saturday 10 October, Mid-Autumn 25–27 September.
 */
class BusinessCalendarClocksTest {

    final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();
    final SlaPolicies policies = defaults();

    static SlaClockStarted started(List<ComplaintEvent> events, String clock) {
        return events.stream().filter(e -> e instanceof SlaClockStarted s && s.clock().equals(clock))
                .map(SlaClockStarted.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void given_a_friday_evening_complaint_before_national_day_when_received_then_its_clocks_start_on_the_make_up_sunday() {
        // given: Friday 18 September 2026, 20:00 — after hours; the next working period is the make-up Sunday
        var friday = shanghai("2026-09-18T20:00");
        assertThat(calendar.isBusinessTime(friday)).isFalse();
        var nextStart = calendar.nextBusinessStart(friday);
        assertThat(nextStart).isEqualTo(shanghai("2026-09-20T09:00"));
        var sla = new ComplaintSla("C-20260918-000001");

        // when
        var events = sla.apply(received("C-20260918-000001", friday, true, nextStart, ComplainantType.CONSUMER, null),
                friday, policies, calendar);

        // then: SPEC §3.2 — acceptance decision within 3 days from the make-up Sunday 09:00
        var acceptance = started(events, SlaClocks.ACCEPTANCE_DECISION);
        assertThat(acceptance.startedAt()).isEqualTo(shanghai("2026-09-20T09:00"));
        assertThat(acceptance.dueAt()).isEqualTo(shanghai("2026-09-23T09:00"));
    }

    @Test
    void given_acceptance_on_the_make_up_sunday_when_resolution_starts_then_it_is_due_two_working_days_later() {
        var sla = new ComplaintSla("C-1");
        sla.apply(received("C-1", shanghai("2026-09-18T20:00"), true, shanghai("2026-09-20T09:00"), ComplainantType.CONSUMER, null),
                shanghai("2026-09-18T20:00"), policies, calendar);

        var events = sla.apply(new ComplaintAccepted("officer", null), shanghai("2026-09-20T10:00"), policies, calendar);

        // Sunday 20 is worked; Monday 21 and Tuesday 22 are the two working days after it
        assertThat(started(events, SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-09-22T18:00"));
    }

    @Test
    void given_acceptance_the_day_before_national_day_when_resolution_starts_then_the_holiday_week_does_not_count() {
        var sla = new ComplaintSla("C-2");
        sla.apply(received("C-2", shanghai("2026-09-30T16:00")), shanghai("2026-09-30T16:00"), policies, calendar);

        var events = sla.apply(new ComplaintAccepted("officer", null), shanghai("2026-09-30T17:00"), policies, calendar);

        // 1–7 October are off: Thursday 8 and Friday 9 are the two working days
        assertThat(started(events, SlaClocks.RESOLUTION).dueAt()).isEqualTo(shanghai("2026-10-09T18:00"));
    }

    @Test
    void given_a_resolution_on_the_friday_after_national_day_when_the_revisit_starts_then_the_make_up_saturday_counts() {
        var sla = new ComplaintSla("C-3");
        sla.apply(received("C-3", shanghai("2026-10-08T10:00")), shanghai("2026-10-08T10:00"), policies, calendar);
        sla.apply(new ComplaintAccepted("officer", null), shanghai("2026-10-08T11:00"), policies, calendar);

        var events = sla.apply(new ComplaintResolved("fixed", "sorry", "none", "h1", "ENGINEERING", "h1"),
                shanghai("2026-10-09T15:00"), policies, calendar);

        // SPEC §3.14: within 2 working days — Saturday 10 October (调休) and Monday 12 October
        assertThat(started(events, SlaClocks.REVISIT).dueAt()).isEqualTo(shanghai("2026-10-12T18:00"));
    }

    @Test
    void given_a_same_business_day_clock_started_after_hours_then_it_is_due_at_close_of_the_next_working_day() {
        // Thursday 24 September 19:00; Mid-Autumn is 25–27 September, so the next working day is Monday 28
        assertThat(calendar.endOfBusinessDay(shanghai("2026-09-24T19:00"))).isEqualTo(shanghai("2026-09-28T18:00"));
    }
}
