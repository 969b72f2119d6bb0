package com.complaintdesk.followup.domain;

/** Where a complaint stands in follow-up. */
public enum FollowupStatus {
    /** Known, not resolved yet. */
    OPEN,
    /** Resolved; the revisit is scheduled and not finished. */
    REVISIT_DUE,
    /** Not satisfied at the revisit; back with the department until it is resolved again. */
    REOPENED,
    /** Unreachable after the allowed attempts, held open for the supervisor (policy HOLD); the revisit is not done yet. */
    UNREACHABLE,
    /** Revisit finished, but a major/vicious complaint waits for its special report (SPEC §3.16). */
    AWAITING_SPECIAL_REPORT,
    CLOSED
}
