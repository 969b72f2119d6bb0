package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;
import java.util.Map;

/** One line of the ledger timeline: every event of the complaint, personal data masked. */
public record TimelineItem(String eventId, String type, Instant occurredAt, String topic, String producer,
                           String status, Map<String, Object> payload) {
}
