package com.complaintdesk.triage.adapters.kafka;

import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.triage.application.TriageService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * SLA's one-month upgrade request (SPEC §3.5) and the lifecycle news triage needs: whether a complaint is still
 * unresolved counts for REPEATED (SPEC §8). The topics' other events (most of them) are skipped on their type before
 * they are decoded ({@link HandledTypes}).
 */
@Component
public class LifecycleListener {

    static final HandledTypes SLA = HandledTypes.of(SeverityUpgradeRequested.class);
    static final HandledTypes LIFECYCLE = HandledTypes.of(DispatchEvents.ComplaintResolved.class,
            FollowupEvents.ComplaintClosed.class, FollowupEvents.ComplaintReopened.class);

    private final TriageService triage;
    private final EventCodec codec;

    public LifecycleListener(TriageService triage, EventCodec codec) {
        this.triage = triage;
        this.codec = codec;
    }

    @KafkaListener(id = "triage-sla", groupId = "triage-sla", topics = Topics.SLA)
    public void onSla(ConsumerRecord<String, String> record) {
        if (SLA.ignores(codec, record)) {
            return;
        }
        var envelope = codec.decode(record.value());
        if (envelope.payload() instanceof SeverityUpgradeRequested upgrade) {
            triage.onSeverityUpgrade(envelope, upgrade);
        }
    }

    @KafkaListener(id = "triage-lifecycle", groupId = "triage-lifecycle", topics = {Topics.DISPATCH, Topics.FOLLOWUP})
    public void onLifecycle(ConsumerRecord<String, String> record) {
        if (LIFECYCLE.ignores(codec, record)) {
            return;
        }
        var envelope = codec.decode(record.value());
        var payload = envelope.payload();
        if (payload instanceof DispatchEvents.ComplaintResolved) {
            triage.onLifecycle(envelope, true, "resolved");
        } else if (payload instanceof FollowupEvents.ComplaintClosed) {
            triage.onLifecycle(envelope, true, "closed");
        } else if (payload instanceof FollowupEvents.ComplaintReopened) {
            triage.onLifecycle(envelope, false, "reopened");
        }
    }
}
