package com.complaintdesk.sla.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.sla.application.ClockService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every life-cycle topic moves the clocks (SPEC §4). */
@Component
public class LifecycleListener {

    private final ClockService clocks;
    private final EventCodec codec;

    public LifecycleListener(ClockService clocks, EventCodec codec) {
        this.clocks = clocks;
        this.codec = codec;
    }

    @KafkaListener(id = "sla-clocks", groupId = "sla-clocks",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.FOLLOWUP})
    public void on(ConsumerRecord<String, String> record) {
        clocks.on(codec.decode(record.value()));
    }
}
