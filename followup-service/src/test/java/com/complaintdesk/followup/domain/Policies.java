package com.complaintdesk.followup.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** Object Mother of follow-up policies and times, for the domain tests. */
public final class Policies {
    private Policies() {
    }

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final BusinessCalendar CALENDAR = HolidayCalendarLoader.defaultCalendar();
    public static final RevisitRoute SUPERVISOR_IN_PERSON = new RevisitRoute("IN_PERSON", "SERVICE_SUPERVISOR", "SUPERVISOR");
    public static final RevisitRoute DESK_BY_PHONE = new RevisitRoute("PHONE_OR_VISIT", "SERVICE_DESK", "TRIAGE_OFFICER");

    /** The defaults a fresh install ships with. */
    public static RevisitPolicy standard() {
        return new RevisitPolicy(RevisitRule.WORKING_DAYS_AFTER_COMPLETION, 2, 3, 3, UnreachableOutcome.CLOSE, 3, 2,
                EscalationLevel.DEPARTMENT_MANAGER, Set.of(Severity.MAJOR), Set.of(Flag.EXTREME_BEHAVIOUR),
                Map.of(ComplainantType.ANCHOR_TENANT, SUPERVISOR_IN_PERSON), DESK_BY_PHONE);
    }

    public static RevisitPolicy withRule(RevisitRule rule) {
        RevisitPolicy p = standard();
        return new RevisitPolicy(rule, p.workingDays(), p.daysAfterReply(), p.maxAttempts(), p.unreachableOutcome(),
                p.satisfiedFrom(), p.escalateFromReopen(), p.escalateTo(), p.specialReportSeverities(),
                p.specialReportFlags(), p.routes(), p.defaultRoute());
    }

    public static RevisitPolicy withUnreachable(UnreachableOutcome outcome, int maxAttempts) {
        RevisitPolicy p = standard();
        return new RevisitPolicy(p.rule(), p.workingDays(), p.daysAfterReply(), maxAttempts, outcome,
                p.satisfiedFrom(), p.escalateFromReopen(), p.escalateTo(), p.specialReportSeverities(),
                p.specialReportFlags(), p.routes(), p.defaultRoute());
    }

    /** A local time at the desk, e.g. {@code at("2026-11-27T15:00")}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
