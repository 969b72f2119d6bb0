package com.complaintdesk.followup.application;

import java.time.Instant;

/** Too many wrong second factors for this complaint number: refused until {@code until}, right answers included. */
public class SecondFactorLocked extends RuntimeException {
    private final String complaintId;
    private final Instant until;

    public SecondFactorLocked(String complaintId, Instant until) {
        super("Too many wrong verifications for this complaint number; try again later.");
        this.complaintId = complaintId;
        this.until = until;
    }

    public String complaintId() {
        return complaintId;
    }

    public Instant until() {
        return until;
    }
}
