package com.complaintdesk.contracts.model;

/** What the complainant asks for. REFUND, EXCHANGE and COMPENSATION need evidence (SPEC §3.3). */
public enum RemedyKind {
    REFUND, EXCHANGE, COMPENSATION, REPAIR, APOLOGY, EXPLANATION, OTHER;

    public boolean needsEvidence() {
        return this == REFUND || this == EXCHANGE || this == COMPENSATION;
    }
}
