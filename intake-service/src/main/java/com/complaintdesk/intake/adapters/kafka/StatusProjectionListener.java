package com.complaintdesk.intake.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the complainant-facing status current from the other services' events. */
@Component
public class StatusProjectionListener {

    private final IntakeService intake;
    private final EventCodec codec;

    public StatusProjectionListener(IntakeService intake, EventCodec codec) {
        this.intake = intake;
        this.codec = codec;
    }

    @KafkaListener(id = "intake-status", groupId = "intake-status",
            topics = {Topics.TRIAGE, Topics.DISPATCH, Topics.SLA, Topics.FOLLOWUP})
    public void on(ConsumerRecord<String, String> record) {
        intake.project(codec.decode(record.value()));
    }
}
