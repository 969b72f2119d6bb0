package com.complaintdesk.contracts.model;

/** The life-cycle states of SPEC §3, as the complainant and the ledger see them. */
public enum ComplaintStatus {
    RECEIVED, AWAITING_DOCUMENTS, ACCEPTED, REJECTED, TRANSFERRED, TRIAGED, DISPATCHED, INVESTIGATING,
    SOLUTION_PROPOSED, APPEALED, IN_PROGRESS, RESOLVED, REOPENED, CLOSED;

    public boolean isFinal() {
        return this == CLOSED;
    }
}
