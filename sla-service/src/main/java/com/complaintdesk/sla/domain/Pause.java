package com.complaintdesk.sla.domain;

import java.time.Instant;

/** A time the clock stood still because the complaint waited on the complainant; {@code to} null while it lasts. */
public record Pause(Instant from, Instant to, String reason) {
    public Pause ended(Instant at) {
        return new Pause(from, at, reason);
    }
}
