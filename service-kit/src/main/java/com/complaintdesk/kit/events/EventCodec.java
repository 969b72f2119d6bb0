package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns envelopes into the JSON on the wire and back. One codec for every topic.
 * <p>
 * Records relayed from an outbox carry the envelope's type in the Kafka header {@value #TYPE_HEADER} as well, so a
 * listener can tell an event it ignores from the header alone ({@link #typeOf(ConsumerRecord)}); records without the
 * header (written before it existed, or by another producer) are read from their value.
 */
public class EventCodec {

    /** Kafka record header with the envelope's {@code type} (UTF-8), set by the outbox relay. */
    public static final String TYPE_HEADER = "eventType";

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        // tolerant reader: an event from a newer producer with extra fields must still be readable here.
        // Decimals are read as written: the payload goes through a tree, whose decimal numbers would otherwise be
        // doubles, and an amount of 30000.00 would come back as 30000.0
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public String encode(EventEnvelope<?> envelope) {
        return json.writeValueAsString(envelope);
    }

    /**
     * The envelope's type without decoding the event: the {@value #TYPE_HEADER} header when the record has one,
     * otherwise the value's top-level {@code type}, read by a streaming parser that stops there. Null when neither
     * says (an unreadable value: {@link #decode} tells what is wrong with it).
     */
    public String typeOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header != null && header.value() != null && header.value().length > 0) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return typeOf(record.value());
    }

    /** The top-level {@code type} of an envelope's JSON, read without building the tree; null when it has none. */
    public String typeOf(String text) {
        if (text == null) {
            return null;
        }
        try (JsonParser p = json.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("type".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getString() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
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
