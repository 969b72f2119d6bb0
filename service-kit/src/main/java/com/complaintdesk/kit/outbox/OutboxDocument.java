package com.complaintdesk.kit.outbox;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.kit.events.EventCodec;
import org.springframework.data.annotation.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Base of every MongoDB document that publishes events or consumes them.
 * <ul>
 *   <li>{@code outbox}: events caused by the last changes, written in the same document write and relayed
 *       by {@link OutboxRelay};</li>
 *   <li>{@code processedEvents}: ids of the events already applied, so a redelivered event changes nothing twice;</li>
 *   <li>{@code version}: optimistic locking, so two instances never overwrite each other.</li>
 * </ul>
 */
public abstract class OutboxDocument {

    /** How many processed event ids are remembered per document; a redelivery comes long before this many newer events. */
    static final int PROCESSED_MEMORY = 500;

    private List<OutboxEvent> outbox = new ArrayList<>();
    private boolean outboxPending;
    private List<String> processedEvents = new ArrayList<>();
    @Version
    private Long version;

    public boolean alreadyProcessed(UUID eventId) {
        return processedEvents.contains(eventId.toString());
    }

    public void markProcessed(UUID eventId) {
        processedEvents.add(eventId.toString());
        if (processedEvents.size() > PROCESSED_MEMORY) {
            processedEvents.remove(0);
        }
    }

    /**
     * Adds the event to the outbox, to be written with the document's next save. The event records the version that
     * save stores (a new document is inserted at 0, a loaded one saved at its version + 1, as Spring Data's
     * {@code @Version} handling and the services' hand-written saves do).
     */
    public void enqueue(String topic, EventEnvelope<?> envelope, EventCodec codec) {
        String eventId = envelope.eventId().toString();
        outbox.add(new OutboxEvent(eventId + "@" + topic, eventId, envelope.type(), topic, envelope.complaintId(),
                codec.encode(envelope), version == null ? 0L : version + 1, OutboxTraces.currentTraceParent()));
        outboxPending = true;
    }

    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : outbox;
    }

    public boolean isOutboxPending() {
        return outboxPending;
    }

    public void setOutboxPending(boolean outboxPending) {
        this.outboxPending = outboxPending;
    }

    public List<String> getProcessedEvents() {
        return processedEvents;
    }

    public void setProcessedEvents(List<String> processedEvents) {
        this.processedEvents = processedEvents == null ? new ArrayList<>() : processedEvents;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
