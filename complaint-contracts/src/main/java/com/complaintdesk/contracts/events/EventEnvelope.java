package com.complaintdesk.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic, as JSON:
 * <pre>
 * {"eventId":"…","type":"ComplaintReceived","schemaVersion":1,"occurredAt":"2026-11-28T06:00:00Z",
 *  "complaintId":"C-20261128-000123","correlationId":"…","producer":"intake-service","payload":{…}}
 * </pre>
 * {@code complaintId} is also the Kafka record key, so one complaint's events stay in order.
 */
public record EventEnvelope<E extends ComplaintEvent>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String complaintId,
        String correlationId,
        String producer,
        E payload) {

    public static <E extends ComplaintEvent> EventEnvelope<E> of(E payload, String complaintId, Instant occurredAt,
                                                                 String correlationId, String producer) {
        return new EventEnvelope<>(UUID.randomUUID(), EventTypes.nameOf(payload.getClass()), payload.schemaVersion(),
                occurredAt, complaintId, correlationId, producer, payload);
    }

    /** A copy with a deterministic event id, for consumers that must emit the same event again on redelivery. */
    public EventEnvelope<E> withEventId(UUID id) {
        return new EventEnvelope<>(id, type, schemaVersion, occurredAt, complaintId, correlationId, producer, payload);
    }
}
