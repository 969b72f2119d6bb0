package com.complaintdesk.dispatch.domain.handling;

/** Where a complaint stands in its department (SPEC §3 from DISPATCHED to RESOLVED). QUEUED: nobody was on duty yet. */
public enum HandlingStatus {
    QUEUED, DISPATCHED, INVESTIGATING, SOLUTION_PROPOSED, APPEALED, IN_PROGRESS, RESOLVED, CLOSED;

    /** Counts towards the handler's open workload. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}
