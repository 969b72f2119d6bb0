package com.complaintdesk.sla.domain;

/** How a policy's target turns into a deadline on the business calendar. */
public enum TargetKind {
    /** {@code target} of wall-clock time (e.g. on-site arrival 24 h, supervisor to manager 15 min). */
    CALENDAR_TIME(false),
    /** {@code target} of working time only (inside working hours of working days). */
    BUSINESS_TIME(true),
    /** Close of business of the day the clock starts (or of the next working day when it starts after hours). */
    SAME_BUSINESS_DAY(true),
    /** Close of business of the n-th working day after the start day ({@code workingDays}). */
    WORKING_DAYS(true);

    private final boolean business;

    TargetKind(boolean business) {
        this.business = business;
    }

    /** Whether paused time and remaining time are measured in working time. */
    public boolean business() {
        return business;
    }
}
