package com.complaintdesk.dispatch.adapters.kafka;

import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The life-cycle events dispatch reacts to. Each handler is idempotent (processed event ids in the case document);
 * an unreadable record goes straight to the dead-letter topic, other failures are retried, then dead-lettered. The
 * other events of each topic are skipped on their type before they are decoded ({@link HandledTypes}).
 */
@Component
public class LifecycleListeners {

    static final HandledTypes INTAKE = HandledTypes.of(ComplaintReceived.class);
    static final HandledTypes TRIAGE = HandledTypes.of(ComplaintTriaged.class, ComplaintReclassified.class);
    static final HandledTypes FOLLOWUP = HandledTypes.of(ComplaintReopened.class, ComplaintClosed.class);
    static final HandledTypes SLA = HandledTypes.of(SlaEscalated.class);

    private final HandlingService handling;
    private final EventCodec codec;

    public LifecycleListeners(HandlingService handling, EventCodec codec) {
        this.handling = handling;
        this.codec = codec;
    }

    @KafkaListener(id = "dispatch-intake", groupId = "dispatch-intake", topics = Topics.INTAKE)
    public void onIntake(ConsumerRecord<String, String> record) {
        if (INTAKE.ignores(codec, record)) {
            return;
        }
        var env = decode(record);
        try {
            if (env.payload() instanceof ComplaintReceived r) {
                handling.onReceived(env, r);
            }
        } finally {
            MDC.remove("complaintId");
        }
    }

    @KafkaListener(id = "dispatch-triage", groupId = "dispatch-triage", topics = Topics.TRIAGE)
    public void onTriage(ConsumerRecord<String, String> record) {
        if (TRIAGE.ignores(codec, record)) {
            return;
        }
        var env = decode(record);
        try {
            if (env.payload() instanceof ComplaintTriaged t) {
                handling.onTriaged(env, t);
            } else if (env.payload() instanceof ComplaintReclassified r) {
                handling.onReclassified(env, r);
            }
        } finally {
            MDC.remove("complaintId");
        }
    }

    @KafkaListener(id = "dispatch-followup", groupId = "dispatch-followup", topics = Topics.FOLLOWUP)
    public void onFollowup(ConsumerRecord<String, String> record) {
        if (FOLLOWUP.ignores(codec, record)) {
            return;
        }
        var env = decode(record);
        try {
            if (env.payload() instanceof ComplaintReopened r) {
                handling.onReopened(env, r);
            } else if (env.payload() instanceof ComplaintClosed c) {
                handling.onClosed(env, c);
            }
        } finally {
            MDC.remove("complaintId");
        }
    }

    @KafkaListener(id = "dispatch-sla", groupId = "dispatch-sla", topics = Topics.SLA)
    public void onSla(ConsumerRecord<String, String> record) {
        if (SLA.ignores(codec, record)) {
            return;
        }
        var env = decode(record);
        try {
            if (env.payload() instanceof SlaEscalated e) {
                handling.onEscalated(env, e);
            }
        } finally {
            MDC.remove("complaintId");
        }
    }

    private EventEnvelope<ComplaintEvent> decode(ConsumerRecord<String, String> record) {
        var env = codec.decode(record.value());
        MDC.put("complaintId", env.complaintId());
        return env;
    }
}
