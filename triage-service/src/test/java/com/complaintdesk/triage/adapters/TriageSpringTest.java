package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.ServiceSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Spring context (embedded Kafka + Mongo-wire) shared by every triage adapter test: same configuration, so
 * Spring's test context cache starts it once.
 */
abstract class TriageSpringTest extends ServiceSpringTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    final JsonMapper json = JsonMapper.builder().build();

    static String newNumber() {
        return "C-20261128-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** An Object Mother for received complaints. */
    static ComplaintReceived received(String number, String content, ComplainantType type, String contactKey, String subject,
                                      BigDecimal amount, List<RemedyKind> remedies, int evidence) {
        List<EvidenceRef> refs = new java.util.ArrayList<>();
        for (int i = 0; i < evidence; i++) {
            refs.add(new EvidenceRef("E-" + i, "receipt-" + i + ".jpg", "image/jpeg", 1000));
        }
        return new ComplaintReceived(number, Channel.PHONE,
                new Complainant("张三", "13800138000", null, type, contactKey), content, subject,
                Instant.now().minusSeconds(3600), Instant.now(), amount == null ? null : new Money(amount, "CNY"),
                remedies, null, refs, "desk-07", false, Instant.now());
    }

    EventEnvelope<ComplaintEvent> publish(String number, ComplaintEvent payload) throws Exception {
        EventEnvelope<ComplaintEvent> envelope = EventEnvelope.of(payload, number, Instant.now(), UUID.randomUUID().toString(), "intake-service");
        send(Topics.INTAKE, envelope);
        return envelope;
    }

    void send(String topic, EventEnvelope<?> envelope) throws Exception {
        kafka.send(topic, envelope.complaintId(), codec.encode(envelope)).get();
    }

    JsonNode payload(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return json.readTree(record.value()).get("payload");
    }

    static final Caller OFFICER = new Caller("officer-1", "TRIAGE_OFFICER", "SERVICE_DESK");
    static final Caller SUPERVISOR = new Caller("supervisor-1", "SUPERVISOR", "SERVICE_DESK");
    static final Caller CHANNEL = Caller.channel("hotline");
}
