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
import com.complaintdesk.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One Spring context (embedded Kafka + Mongo-wire) shared by every triage adapter test: same configuration, so
 * Spring's test context cache starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class TriageSpringTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    final HttpClient http = HttpClient.newHttpClient();
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

    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String[] OFFICER = {"X-Caller-User-Id", "officer-1", "X-Caller-Roles", "TRIAGE_OFFICER", "X-Caller-Department", "SERVICE_DESK"};
    static final String[] SUPERVISOR = {"X-Caller-User-Id", "supervisor-1", "X-Caller-Roles", "SUPERVISOR", "X-Caller-Department", "SERVICE_DESK"};
    static final String[] CHANNEL = {"X-Caller-Channel", "hotline"};
}
