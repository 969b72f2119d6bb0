package com.complaintdesk.kit.outbox;

/**
 * One event waiting to be relayed to Kafka, stored inside the document whose change caused it,
 * so the change and its event are one atomic single-document write (no dual write, no multi-document transaction).
 *
 * @param storedVersion the document's version once the save that enqueued the event is written (null: an event
 *                      stored before this field existed). While the stored document still has that version, the
 *                      event cannot have been relayed and written back by a later save, so the relay need not look
 *                      it up among the ids already sent ({@link OutboxRelay})
 * @param traceParent   the W3C {@code traceparent} of the span the event was enqueued in (null: none), which the relay
 *                      continues when it sends the event ({@link OutboxTraces})
 */
public record OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json,
                          Long storedVersion, String traceParent) {

    /** An event without a stored version: the relay checks it against the ids already sent. */
    public OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json) {
        this(outboxId, eventId, type, topic, key, json, null, null);
    }

    /** An event enqueued outside any trace. */
    public OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json,
                       Long storedVersion) {
        this(outboxId, eventId, type, topic, key, json, storedVersion, null);
    }
}
