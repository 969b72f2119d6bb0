package com.complaintdesk.followup.domain;

/** What happens when the complainant could not be reached after the allowed attempts. */
public enum UnreachableOutcome {
    /** Recorded as unreachable and closed (unless a special report is still missing). */
    CLOSE,
    /** Recorded as unreachable and left open for the service supervisor; a later reached attempt may still be recorded. */
    HOLD
}
