package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;

/** 回访 (SPEC §3.14): one revisit result. */
public record Revisit(Instant at, boolean reached, Integer satisfaction, boolean satisfied, boolean onTime, String by) {
}
