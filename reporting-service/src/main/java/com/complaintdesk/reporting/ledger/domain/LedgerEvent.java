package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One event of one complaint as the ledger keeps it: the envelope's identity and time plus the payload as a plain
 * tree (maps, lists, strings, numbers). Kept as a tree on purpose: an event type this service does not know yet
 * still goes into the timeline instead of failing.
 */
public record LedgerEvent(String eventId, String type, Instant occurredAt, String complaintId, String topic,
                          String producer, Map<String, Object> payload) {

    public LedgerEvent {
        payload = payload == null ? Map.of() : payload;
    }

    public Payload body() {
        return new Payload(payload);
    }
}
