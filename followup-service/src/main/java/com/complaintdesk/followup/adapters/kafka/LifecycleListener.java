package com.complaintdesk.followup.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.HandledTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns each complaint's complainant, classification and department, closes rejected and transferred ones, and
 * schedules the revisit when dispatch reports it resolved. Unreadable records go to the dead-letter topic. The
 * topics' other events (urges, evidence, SLA warnings, the handling workflow's steps: most of what it reads) are
 * skipped on their type before they are decoded ({@link HandledTypes}).
 */
@Component
public class LifecycleListener {

    static final HandledTypes HANDLED = new HandledTypes(FollowupService.HANDLED);

    private final FollowupService followup;
    private final EventCodec codec;

    public LifecycleListener(FollowupService followup, EventCodec codec) {
        this.followup = followup;
        this.codec = codec;
    }

    @KafkaListener(id = "followup-cases", groupId = "followup-cases",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.SLA})
    public void on(ConsumerRecord<String, String> record) {
        if (HANDLED.ignores(codec, record)) {
            return;
        }
        followup.apply(codec.decode(record.value()));
    }
}
