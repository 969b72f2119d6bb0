package com.complaintdesk.reporting.adapters.kafka;

import com.complaintdesk.kit.events.PoisonEventException;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an envelope without binding its payload to a Java type. The ledger must take every event type, including
 * ones added by other services after this one was built (they go into the timeline as they are), and must not fail
 * because a payload grew a field. Only a record that is not an envelope at all is poison (→ dead-letter topic).
 */
public class TolerantEventReader {

    private final JsonMapper json;

    public TolerantEventReader(JsonMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public LedgerEvent read(String topic, String text) {
        try {
            JsonNode tree = json.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new PoisonEventException("not an event envelope");
            }
            JsonNode payloadNode = tree.get("payload");
            Map<String, Object> payload = payloadNode != null && payloadNode.isObject()
                    ? json.treeToValue(payloadNode, LinkedHashMap.class) : Map.of();
            return new LedgerEvent(required(tree, "eventId"), required(tree, "type"),
                    Instant.parse(required(tree, "occurredAt")), required(tree, "complaintId"), topic,
                    tree.path("producer").asString(null), payload);
        } catch (JacksonException | DateTimeParseException e) {
            throw new PoisonEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull() || node.asString().isBlank()) {
            throw new PoisonEventException("event without " + field);
        }
        return node.asString();
    }
}
