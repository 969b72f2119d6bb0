package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** Wraps payloads in envelopes stamped with this service's name and the injected clock. */
public class EventFactory {

    private final String producer;
    private final Clock clock;

    public EventFactory(String producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public <E extends ComplaintEvent> EventEnvelope<E> envelope(String complaintId, E payload, String correlationId) {
        return EventEnvelope.of(payload, complaintId, clock.instant(), correlationId == null ? UUID.randomUUID().toString() : correlationId, producer);
    }

    /**
     * An envelope caused by {@code cause}: same correlation id, and an event id derived from the cause, so a
     * redelivered cause produces the very same event id (idempotent downstream).
     */
    public <E extends ComplaintEvent> EventEnvelope<E> causedBy(EventEnvelope<?> cause, E payload, int ordinal) {
        UUID id = UUID.nameUUIDFromBytes((cause.eventId() + "/" + producer + "/" + ordinal).getBytes(StandardCharsets.UTF_8));
        return EventEnvelope.of(payload, cause.complaintId(), clock.instant(), cause.correlationId(), producer).withEventId(id);
    }

    public String producer() {
        return producer;
    }
}
