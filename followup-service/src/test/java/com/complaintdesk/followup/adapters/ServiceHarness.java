package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running follow-up service on the embedded Kafka and Mongo-wire server, shared by every adapter test class
 * (same configuration → one cached Spring context). Tests feed the other services' events onto Kafka, drive the
 * REST API and read what follow-up publishes with one {@link EventProbe}. Complaint ids are unique per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
abstract class ServiceHarness {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQ = new AtomicInteger();
    static EventProbe probe;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @BeforeAll
    static void openProbe() {
        probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.FOLLOWUP,
                Topics.deadLetter(Topics.DISPATCH));
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    JsonMapper json;
    @Autowired
    MutableClock clock;

    final HttpClient http = HttpClient.newHttpClient();

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static String newComplaintId() {
        return String.format("C-20261127-%06d", SEQ.incrementAndGet());
    }

    /** Publishes another service's event, as that service would. */
    <E extends ComplaintEvent> EventEnvelope<E> feed(String topic, String complaintId, E payload, Instant occurredAt) {
        EventEnvelope<E> e = EventEnvelope.of(payload, complaintId, occurredAt, "corr-" + complaintId, "test");
        send(topic, e);
        return e;
    }

    /**
     * A complaint of {@code type} (phone ending 8000 unless given) resolved by {@code department} on Friday
     * 2026-11-27 15:00, once its revisit is scheduled.
     */
    String revisitDue(ComplainantType type, String phone, String department) {
        return revisitDue(type, phone, department, null);
    }

    /** The same, classified by {@code triaged} first (null: not classified). */
    String revisitDue(ComplainantType type, String phone, String department, ComplaintTriaged triaged) {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, Mother.received(id, type, phone, null, t), t);
        if (triaged != null) {
            feed(Topics.TRIAGE, id, triaged, t);
        }
        // registered before the resolution (the topics are read in parallel), so the revisit is routed by the
        // complainant type from the start; an HR supervisor sees every case
        eventually(() -> assertThat(getAs("/api/v1/followup/cases/" + id, "SUPERVISOR", "HR").status()).isEqualTo(200));
        feed(Topics.DISPATCH, id, Mother.resolved(department, "h-1"), t);
        await(id, "RevisitDue", 1);
        return id;
    }

    String revisitDue() {
        return revisitDue(ComplainantType.CONSUMER, "13800138000", "ENGINEERING");
    }

    void send(String topic, EventEnvelope<?> e) {
        try {
            kafka.send(topic, e.complaintId(), codec.encode(e)).get(10, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    List<ConsumerRecord<String, String>> await(String complaintId, String type, int count) {
        return probe.await(EventProbe.ofType(complaintId, type), count, Duration.ofSeconds(30));
    }

    /** Retries an assertion on state that follows asynchronously from an event without an output of its own. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    long count(String complaintId, String type) {
        return probe.records().stream().filter(EventProbe.ofType(complaintId, type)).count();
    }

    JsonNode payload(ConsumerRecord<String, String> r) {
        return json.readTree(r.value()).path("payload");
    }

    record Reply(int status, JsonNode body, String contentType, String retryAfter) {
        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    Reply get(String path, String roles) {
        return call(HttpRequest.newBuilder(uri(path)).GET(), roles);
    }

    Reply getAs(String path, String roles, String department) {
        return call(HttpRequest.newBuilder(uri(path)).header(IdentityHeaders.DEPARTMENT, department).GET(), roles);
    }

    Reply post(String path, String body, String roles) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), roles);
    }

    /** A staff user of {@code department} (null: none in the token). */
    Reply postAs(String path, String body, String roles, String department) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (department != null) {
            b.header(IdentityHeaders.DEPARTMENT, department);
        }
        return call(b, roles);
    }

    Reply put(String path, String body, String roles) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), roles);
    }

    /** A request with exactly these headers (name, value, ...; a null value is left out): no identity is added. */
    Reply raw(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return send(b);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code roles} null: a channel front end (the complainant's answer); else a staff user with those roles. */
    private Reply call(HttpRequest.Builder b, String roles) {
        if (roles == null) {
            b.header(IdentityHeaders.CHANNEL_CLIENT, "web");
        } else {
            b.header(IdentityHeaders.USER_ID, "u-" + roles.toLowerCase().replace(',', '-'))
                    .header(IdentityHeaders.ROLES, roles);
        }
        return send(b);
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body()),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Retry-After").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
