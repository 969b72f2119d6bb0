package com.complaintdesk.followup.application;

import java.time.Instant;

/** Too many wrong second factors for this complaint number: refused until {@code until}, right answers included. */
public class SecondFactorLocked extends RuntimeException {
    private final Instant until;

    public SecondFactorLocked(Instant until) {
        super("Too many wrong verifications for this complaint number; try again later.");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
