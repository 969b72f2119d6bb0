package com.complaintdesk.intake.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.HandledTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the complainant-facing status current from the other services' events. Most of those events do not change
 * what the complainant sees ({@link IntakeComplaint#VISIBLE_EVENTS}); they are skipped on their type alone, from the
 * record's type header (or, for a record without one, the envelope's {@code type}), before the event is decoded or
 * the complaint loaded.
 */
@Component
public class StatusProjectionListener {

    private static final HandledTypes VISIBLE = new HandledTypes(IntakeComplaint.VISIBLE_EVENTS);

    private final IntakeService intake;
    private final EventCodec codec;

    public StatusProjectionListener(IntakeService intake, EventCodec codec) {
        this.intake = intake;
        this.codec = codec;
    }

    @KafkaListener(id = "intake-status", groupId = "intake-status",
            topics = {Topics.TRIAGE, Topics.DISPATCH, Topics.SLA, Topics.FOLLOWUP})
    public void on(ConsumerRecord<String, String> record) {
        if (VISIBLE.ignores(codec, record)) {
            return;
        }
        // a visible event, or one that is unreadable or of an unknown type: decode says which (a poison record
        // goes to the dead-letter topic as before)
        intake.project(codec.decode(record.value()));
    }
}
