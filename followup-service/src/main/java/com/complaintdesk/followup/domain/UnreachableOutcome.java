package com.complaintdesk.followup.domain;

/** What happens when the complainant could not be reached after the allowed attempts. */
public enum UnreachableOutcome {
    /** Recorded as unreachable and closed (unless a special report is still missing). */
    CLOSE,
    /**
     * Left open for the service supervisor: the revisit is not done until a later contact reaches the complainant
     * (one RevisitDone then, with the rating); meanwhile its clock runs on and escalates.
     */
    HOLD
}
