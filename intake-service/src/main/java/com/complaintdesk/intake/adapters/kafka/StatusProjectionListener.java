package com.complaintdesk.intake.adapters.kafka;

import com.complaintdesk.contracts.events.EventTypes;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the complainant-facing status current from the other services' events. Most of those events do not change
 * what the complainant sees ({@link IntakeComplaint#VISIBLE_EVENTS}); they are skipped on their envelope's
 * {@code type} alone, before the event is decoded or the complaint loaded.
 */
@Component
public class StatusProjectionListener {

    private final IntakeService intake;
    private final EventCodec codec;
    private final JsonMapper json;

    public StatusProjectionListener(IntakeService intake, EventCodec codec, JsonMapper json) {
        this.intake = intake;
        this.codec = codec;
        this.json = json;
    }

    @KafkaListener(id = "intake-status", groupId = "intake-status",
            topics = {Topics.TRIAGE, Topics.DISPATCH, Topics.SLA, Topics.FOLLOWUP})
    public void on(ConsumerRecord<String, String> record) {
        String type = typeOf(record.value());
        var known = type == null ? null : EventTypes.classOf(type).orElse(null);
        if (known != null && !IntakeComplaint.changesWhatTheComplainantSees(known)) {
            return;
        }
        // a visible event, or one that is unreadable or of an unknown type: decode says which (a poison record
        // goes to the dead-letter topic as before)
        intake.project(codec.decode(record.value()));
    }

    /** The envelope's top-level {@code type}, read without building the tree; null when the text is not an envelope. */
    String typeOf(String text) {
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
}
