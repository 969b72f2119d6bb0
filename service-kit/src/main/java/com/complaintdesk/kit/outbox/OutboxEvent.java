package com.complaintdesk.kit.outbox;

/**
 * One event waiting to be relayed to Kafka, stored inside the document whose change caused it,
 * so the change and its event are one atomic single-document write (no dual write, no multi-document transaction).
 *
 * @param storedVersion the document's version once the save that enqueued the event is written (null: an event
 *                      stored before this field existed). While the stored document still has that version, the
 *                      event cannot have been relayed and written back by a later save, so the relay need not look
 *                      it up among the ids already sent ({@link OutboxRelay})
 */
public record OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json,
                          Long storedVersion) {

    /** An event without a stored version: the relay checks it against the ids already sent. */
    public OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json) {
        this(outboxId, eventId, type, topic, key, json, null);
    }
}
