package com.complaintdesk.reporting.support;

import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * The one Spring context every reporting integration test shares (same configuration → cached): the service on a
 * random port, the embedded Kafka broker and Mongo-wire server, a clock the tests move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class ReportingIntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected MutableClock clock;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected void publish(ComplaintStory story) {
        try {
            for (ComplaintStory.Published p : story.events()) {
                kafka.send(p.topic(), story.number(), codec.encode(p.envelope())).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void publishRaw(String topic, String key, String json) {
        try {
            kafka.send(topic, key, json).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A staff caller as the gateway would forward it. */
    public record Caller(String userId, String roles, String department) {
        public static Caller supervisor() {
            return new Caller("sup-1", "SUPERVISOR", "SERVICE_DESK");
        }

        public static Caller admin() {
            return new Caller("admin-1", "ADMIN", null);
        }
    }

    protected HttpResponse<String> get(String path, Caller caller) {
        return send(request(path, caller).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> getBytes(String path, Caller caller) {
        return send(request(path, caller).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<String> post(String path, Caller caller) {
        return send(request(path, caller).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, Caller caller) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (caller != null) {
            b.header(IdentityHeaders.USER_ID, caller.userId()).header(IdentityHeaders.ROLES, caller.roles());
            if (caller.department() != null) {
                b.header(IdentityHeaders.DEPARTMENT, caller.department());
            }
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String uniqueNumber(String prefix) {
        return "C-" + prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
