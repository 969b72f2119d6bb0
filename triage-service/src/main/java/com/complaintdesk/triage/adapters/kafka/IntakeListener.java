package com.complaintdesk.triage.adapters.kafka;

import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.triage.application.TriageService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Received complaints are decided and classified; added evidence resumes those waiting for documents. The topic's
 * other events are skipped on their type before they are decoded ({@link HandledTypes}).
 */
@Component
public class IntakeListener {

    static final HandledTypes HANDLED = HandledTypes.of(ComplaintReceived.class, EvidenceAdded.class);

    private final TriageService triage;
    private final EventCodec codec;

    public IntakeListener(TriageService triage, EventCodec codec) {
        this.triage = triage;
        this.codec = codec;
    }

    @KafkaListener(id = "triage-intake", groupId = "triage-intake", topics = Topics.INTAKE)
    public void on(ConsumerRecord<String, String> record) {
        if (HANDLED.ignores(codec, record)) {
            return;
        }
        var envelope = codec.decode(record.value());
        if (envelope.payload() instanceof ComplaintReceived received) {
            triage.onReceived(envelope, received);
        } else if (envelope.payload() instanceof EvidenceAdded added) {
            triage.onEvidenceAdded(envelope, added);
        }
    }
}
