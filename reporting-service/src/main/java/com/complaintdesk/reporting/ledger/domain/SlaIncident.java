package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;

/** A breach or an escalation of an SLA clock, with the level of the escalation ladder it reached. */
public record SlaIncident(String kind, String clock, String level, Instant at) {
}
