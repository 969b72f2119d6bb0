package com.complaintdesk.sla.domain;

import java.time.Instant;

/** One entry of a clock's history, so reports can say exactly how long each step took. */
public record ClockMetric(Kind kind, Instant at, String detail) {
    public enum Kind { ACTIVATED, RESCHEDULED, PAUSED, RESUMED, WARNED, BREACHED, ESCALATED, FULFILLED, CANCELLED }
}
