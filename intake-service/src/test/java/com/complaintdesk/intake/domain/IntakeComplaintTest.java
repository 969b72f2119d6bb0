package com.complaintdesk.intake.domain;

import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintRejected;
import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeComplaintTest {

    static final BusinessCalendar CALENDAR = HolidayCalendarLoader.defaultCalendar();

    static Registration aRegistration() {
        return new Registration(Channel.PHONE, "张三", "13800138000", null, ComplainantType.CONSUMER,
                "电饭煲不能加热,要求换货。", "3F 家电区", null, null, List.of(RemedyKind.EXCHANGE), null, List.of(), "desk-07");
    }

    static IntakeComplaint registeredAt(String instant) {
        return IntakeComplaint.register("C-20261127-000001", aRegistration(), "key", Instant.parse(instant), CALENDAR, List.of())
                .complaint();
    }

    @Test
    void a_complaint_received_in_business_hours_starts_its_clocks_at_once() {
        // Friday 2026-11-27 10:00 in Shanghai
        var registered = IntakeComplaint.register("C-20261127-000001", aRegistration(), "key",
                Instant.parse("2026-11-27T02:00:00Z"), CALENDAR, List.of());

        assertThat(registered.event().outOfHours()).isFalse();
        assertThat(registered.event().businessClockStartsAt()).isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(registered.complaint().status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(registered.event().complainant().contactKey()).isEqualTo("key");
    }

    @Test
    void a_complaint_received_on_friday_night_is_flagged_and_its_clocks_start_monday_morning() {
        // SPEC §3.2 — Friday 2026-11-27 21:30 Shanghai
        var registered = IntakeComplaint.register("C-20261127-000002", aRegistration(), "key",
                Instant.parse("2026-11-27T13:30:00Z"), CALENDAR, List.of());

        assertThat(registered.event().outOfHours()).isTrue();
        assertThat(registered.event().businessClockStartsAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void a_complaint_received_in_the_national_day_holiday_waits_for_the_first_working_day() {
        // 2026-10-03 is a holiday; the holiday runs to 10-07 and 10-08 is... check the calendar instead of assuming
        var registered = IntakeComplaint.register("C-20261003-000001", aRegistration(), "key",
                Instant.parse("2026-10-03T03:00:00Z"), CALENDAR, List.of());

        assertThat(registered.event().outOfHours()).isTrue();
        var start = registered.event().businessClockStartsAt().atZone(CALENDAR.zone()).toLocalDate();
        assertThat(CALENDAR.isWorkingDay(start)).isTrue();
        assertThat(start).isAfter(java.time.LocalDate.of(2026, 10, 7));
    }

    @Test
    void status_follows_the_life_cycle_and_ignores_events_older_than_the_current_status() {
        var c = registeredAt("2026-11-27T02:00:00Z");

        c.apply(new ComplaintAccepted("triage", null), Instant.parse("2026-11-27T02:00:01Z"));
        c.apply(new ComplaintDispatched("OPERATIONS", "h1", null, "PRODUCT_QUALITY", Severity.GENERAL, false, false, false, null),
                Instant.parse("2026-11-27T02:00:03Z"));
        boolean moved = c.apply(new AwaitingDocuments(List.of("receipt"), "need receipt"), Instant.parse("2026-11-27T02:00:02Z"));

        assertThat(moved).isFalse();
        assertThat(c.status()).isEqualTo(ComplaintStatus.DISPATCHED);
        assertThat(c.acceptance()).isEqualTo(Acceptance.ACCEPTED);
    }

    @Test
    void events_that_change_nothing_the_complainant_sees_are_not_applied() {
        var c = registeredAt("2026-11-27T02:00:00Z");
        c.apply(new ComplaintAccepted("triage", null), Instant.parse("2026-11-27T02:00:01Z"));

        boolean moved = c.apply(new com.complaintdesk.contracts.events.SlaEvents.SlaWarning("RESOLUTION",
                Instant.parse("2026-11-30T02:00:00Z"), 80), Instant.parse("2026-11-27T02:00:02Z"));

        assertThat(moved).isFalse();
        assertThat(c.status()).isEqualTo(ComplaintStatus.ACCEPTED);
        assertThat(IntakeComplaint.changesWhatTheComplainantSees(ComplaintDispatched.class)).isTrue();
        assertThat(IntakeComplaint.changesWhatTheComplainantSees(ComplaintClosed.class)).isTrue();
        assertThat(IntakeComplaint.changesWhatTheComplainantSees(
                com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted.class)).isTrue();
        assertThat(IntakeComplaint.changesWhatTheComplainantSees(
                com.complaintdesk.contracts.events.SlaEvents.SlaWarning.class)).isFalse();
    }

    @Test
    void a_rejection_shows_its_reason_to_the_complainant() {
        var c = registeredAt("2026-11-27T02:00:00Z");
        c.apply(new ComplaintRejected("OUT_OF_SCOPE", "不属于本商场经营范围", "u1"), Instant.parse("2026-11-27T03:00:00Z"));

        assertThat(c.status()).isEqualTo(ComplaintStatus.REJECTED);
        assertThat(c.reason()).isEqualTo("不属于本商场经营范围");
    }

    @Test
    void urges_are_counted_until_the_complaint_is_closed() {
        var c = registeredAt("2026-11-27T02:00:00Z");

        assertThat(c.urge("还没人联系我").urgeCount()).isEqualTo(1);
        assertThat(c.urge(null).urgeCount()).isEqualTo(2);
        c.apply(new ComplaintClosed("satisfied"), Instant.parse("2026-11-28T02:00:00Z"));

        assertThatThrownBy(() -> c.urge("again")).isInstanceOf(IntakeComplaint.IllegalTransition.class);
        assertThat(c.urgeCount()).isEqualTo(2);
    }
}
