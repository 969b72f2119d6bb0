package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.model.EscalationLevel;

import java.time.Instant;

/**
 * A decision on the complaint as the complainant is told it, with its reason (SPEC §3.11 "each decision is told to the
 * complainant with its reason", §3.13). {@code level}: who decided (for a proposal or an appeal); no staff names.
 */
public record ComplainantNotice(Instant at, Decision decision, EscalationLevel level, String reason) {

    public enum Decision {
        /** a solution was proposed */
        SOLUTION_PROPOSED,
        /** after an appeal, the higher level proposed a (new) solution */
        RE_EVALUATED,
        /** the complainant accepted; it is being carried out */
        ACCEPTED,
        /** the complainant rejected: an appeal to {@code level} */
        APPEALED,
        /** done: what was done, with the apology and the improvements */
        RESOLVED
    }
}
