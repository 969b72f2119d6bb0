package com.complaintdesk.triage.domain.model;

/** Where a complaint stands in triage. ACCEPTED is not kept: an accepted complaint is triaged in the same step. */
public enum TriageStatus {
    /** The acceptance rules could not decide; a triage officer must (SPEC §3.4). */
    PENDING_REVIEW,
    /** An officer handed the decision to a superior (SPEC §3.4). */
    ESCALATED,
    AWAITING_DOCUMENTS,
    TRIAGED,
    REJECTED,
    TRANSFERRED;

    public boolean awaitsDecision() {
        return this == PENDING_REVIEW || this == ESCALATED || this == AWAITING_DOCUMENTS;
    }
}
