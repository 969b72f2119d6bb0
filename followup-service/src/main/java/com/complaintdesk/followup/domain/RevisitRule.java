package com.complaintdesk.followup.domain;

/** How the revisit deadline is counted (SPEC §3.14, seed 6.5.2 and 4.3). */
public enum RevisitRule {
    /** Mall rule 6.5.2: within N working days after completion, by the business calendar. The default. */
    WORKING_DAYS_AFTER_COMPLETION,
    /** Company rule 4.3: within N calendar days after the reply to the complainant. */
    DAYS_AFTER_REPLY,
    /** Whichever of the two comes first. */
    EARLIER_OF_BOTH
}
