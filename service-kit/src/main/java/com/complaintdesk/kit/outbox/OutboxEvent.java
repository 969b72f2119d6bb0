package com.complaintdesk.kit.outbox;

/**
 * One event waiting to be relayed to Kafka, stored inside the document whose change caused it,
 * so the change and its event are one atomic single-document write (no dual write, no multi-document transaction).
 */
public record OutboxEvent(String outboxId, String eventId, String type, String topic, String key, String json) {
}
