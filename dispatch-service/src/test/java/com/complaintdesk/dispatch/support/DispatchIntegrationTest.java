package com.complaintdesk.dispatch.support;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.dispatch.adapters.mongo.CaseDocument;
import com.complaintdesk.dispatch.adapters.mongo.CaseStore;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.TestInfrastructure;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Base of the Spring tests: one shared context (same configuration → cached) on the embedded Kafka and Mongo-wire
 * server, a movable clock starting on a working Monday 10:00 in Shanghai, and helpers to drive the service as the
 * gateway and the other services would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, MongoCommandLog.Registration.class})
public abstract class DispatchIntegrationTest {

    /** Monday 30 November 2026, 10:00 Asia/Shanghai: the day shifts are on duty. */
    public static final Instant MONDAY_10AM = Instant.parse("2026-11-30T02:00:00Z");
    private static final AtomicInteger SEQ = new AtomicInteger(new java.util.Random().nextInt(900) * 1000);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected CaseStore cases;
    @Autowired
    protected JsonMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A complaint number no other test uses. */
    protected static String newNumber() {
        return String.format("C-20261130-%06d", SEQ.incrementAndGet());
    }

    protected void publish(String topic, String complaintId, ComplaintEvent payload) {
        EventEnvelope<ComplaintEvent> env = EventEnvelope.of(payload, complaintId, Clock.systemUTC().instant(), "corr-" + complaintId, "test");
        kafka.send(topic, complaintId, codec.encode(env)).join();
    }

    protected CaseDocument awaitCase(String number, Predicate<CaseDocument> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CaseDocument> d = cases.find(number);
            if (d.isPresent() && condition.test(d.get())) {
                return d.get();
            }
            sleep(50);
        }
        throw new AssertionError("case " + number + " did not reach the expected state: "
                + cases.find(number).map(d -> d.handling.status() + " " + d.handling.handler()).orElse("absent"));
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A staff identity as the gateway would pass it. */
    public record Caller(String userId, String roles, String department) {
        public static Caller channel() {
            return new Caller(null, null, null);
        }
    }

    public record Reply(int status, JsonNode body, String raw) {
    }

    protected Reply post(String path, Caller caller, String body) {
        return send(request(path, caller).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build());
    }

    protected Reply put(String path, Caller caller, String body) {
        return send(request(path, caller).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected Reply get(String path, Caller caller) {
        return send(request(path, caller).GET().build());
    }

    private HttpRequest.Builder request(String path, Caller caller) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (caller.userId() != null) {
            b.header(IdentityHeaders.USER_ID, caller.userId());
        }
        if (caller.roles() != null) {
            b.header(IdentityHeaders.ROLES, caller.roles());
        }
        if (caller.department() != null) {
            b.header(IdentityHeaders.DEPARTMENT, caller.department());
        }
        if (caller.userId() == null) {
            b.header(IdentityHeaders.CHANNEL_CLIENT, "hotline");
        }
        return b;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode node = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
            return new Reply(r.statusCode(), node, r.body());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        }
    }
}
