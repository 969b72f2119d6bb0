package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.EventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** Turns envelopes into the JSON on the wire and back. One codec for every topic. */
public class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        // tolerant reader: an event from a newer producer with extra fields must still be readable here
        this.json = json.rebuild().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String encode(EventEnvelope<?> envelope) {
        return json.writeValueAsString(envelope);
    }

    /**
     * @throws PoisonEventException when the text is not an envelope or names an unknown type: retrying can't help,
     *                              so the record goes straight to the dead-letter topic.
     */
    public EventEnvelope<ComplaintEvent> decode(String text) {
        try {
            JsonNode tree = json.readTree(text);
            String type = requiredText(tree, "type");
            Class<? extends ComplaintEvent> payloadType = EventTypes.classOf(type)
                    .orElseThrow(() -> new PoisonEventException("unknown event type " + type));
            JsonNode payloadNode = tree.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new PoisonEventException("event without payload");
            }
            ComplaintEvent payload = json.treeToValue(payloadNode, payloadType);
            return new EventEnvelope<>(
                    UUID.fromString(requiredText(tree, "eventId")),
                    type,
                    tree.path("schemaVersion").asInt(1),
                    Instant.parse(requiredText(tree, "occurredAt")),
                    requiredText(tree, "complaintId"),
                    tree.path("correlationId").asString(null),
                    tree.path("producer").asString(null),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new PoisonEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    private static String requiredText(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull() || node.asString().isBlank()) {
            throw new PoisonEventException("event without " + field);
        }
        return node.asString();
    }
}
