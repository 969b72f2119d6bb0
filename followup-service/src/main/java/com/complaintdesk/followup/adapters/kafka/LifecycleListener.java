package com.complaintdesk.followup.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns each complaint's complainant, classification and department, closes rejected and transferred ones, and
 * schedules the revisit when dispatch reports it resolved. Unreadable records go to the dead-letter topic.
 */
@Component
public class LifecycleListener {

    private final FollowupService followup;
    private final EventCodec codec;

    public LifecycleListener(FollowupService followup, EventCodec codec) {
        this.followup = followup;
        this.codec = codec;
    }

    @KafkaListener(id = "followup-cases", groupId = "followup-cases",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.SLA})
    public void on(ConsumerRecord<String, String> record) {
        followup.apply(codec.decode(record.value()));
    }
}
