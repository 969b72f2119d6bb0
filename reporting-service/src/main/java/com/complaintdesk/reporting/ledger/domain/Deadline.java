package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;

/**
 * One SLA clock of SPEC §4 as the ledger last saw it. {@code state}: RUNNING, STOPPED (met or closed without breach),
 * BREACHED (past due, still running), BREACHED_STOPPED (stopped after a breach), PAUSED (waiting on the complainant,
 * SPEC §4: the clock does not run).
 */
public record Deadline(String clock, Instant startedAt, Instant dueAt, Instant stoppedAt, Instant warnedAt,
                       Instant breachedAt, String escalationLevel, String state) {

    public boolean running() {
        return stoppedAt == null;
    }

    public boolean breached() {
        return breachedAt != null || state.startsWith("BREACHED");
    }
}
