package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.WebhookDeliveryDocument;
import com.complaintdesk.dispatch.adapters.mongo.WebhookStore;
import com.complaintdesk.dispatch.application.WebhookService;
import com.complaintdesk.dispatch.domain.webhook.WebhookSignature;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.sun.net.httpserver.HttpServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook delivery to a real HTTP receiver on 127.0.0.1: signature, delivery id, retries with backoff, dead letters,
 * and the shared secret sealed at rest.
 */
class WebhookDeliveryTest extends DispatchIntegrationTest {

    static final String SECRET = "security-shared-secret-0001";
    static final Caller ADMIN = new Caller("admin", "ADMIN", null);

    record Received(String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookStore store;
    @Autowired
    MongoTemplate mongo;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the next requests fail with 500 before the receiver answers 204. */
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/security", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders())));
            int code = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        receiver.start();
        var reply = put("/api/v1/organisation/departments/SECURITY/webhook", ADMIN,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/security\",\"secret\":\"" + SECRET + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw()).doesNotContain(SECRET);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        clock.set(MONDAY_10AM);
    }

    WebhookDeliveryDocument awaitDelivery(String complaint) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var hit = store.list("SECURITY", null).stream().filter(d -> complaint.equals(d.complaintId)).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            sleep(50);
        }
        throw new AssertionError("no webhook delivery for " + complaint);
    }

    String dispatchSafetyComplaint() {
        String n = newNumber();
        publish(Topics.INTAKE, n, Events.received(n, "扶梯急停，孩子摔倒擦伤"));
        publish(Topics.TRIAGE, n, Events.triaged("SAFETY_INJURY", Severity.IMPORTANT));
        return n;
    }

    @Test
    void a_dispatch_is_posted_signed_and_retried_with_exponential_backoff_until_the_receiver_takes_it() {
        failuresLeft.set(2);
        String n = dispatchSafetyComplaint();
        var delivery = awaitDelivery(n);

        assertThat(webhooks.deliverDue()).isEqualTo(1);              // attempt 1: 500
        assertThat(webhooks.deliverDue()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(webhooks.deliverDue()).isEqualTo(1);              // attempt 2 after 2 s: 500
        clock.advance(Duration.ofSeconds(3));
        assertThat(webhooks.deliverDue()).as("the second wait is 4 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(webhooks.deliverDue()).isEqualTo(1);              // attempt 3 after 4 s: 204

        var done = store.delivery(delivery.id).orElseThrow();
        assertThat(done.status).isEqualTo(WebhookDeliveryDocument.Status.DELIVERED);
        assertThat(done.attempts).isEqualTo(3);
        assertThat(received).hasSize(3);
        Received last = received.get(2);
        assertThat(WebhookSignature.verify(SECRET, last.body(), last.header("X-Signature-256"))).isTrue();
        // what a receiver does with a plain JDK: HMAC-SHA256 of the body bytes, hex, after "sha256="
        assertThat(last.header("X-Signature-256")).isEqualTo("sha256=" + hmacHex(SECRET, last.body()));
        assertThat(WebhookSignature.verify("another-secret-000000", last.body(), last.header("X-Signature-256"))).isFalse();
        assertThat(last.header("X-Delivery-Id")).isEqualTo(delivery.id);
        assertThat(received).extracting(r -> r.header("X-Delivery-Id")).containsOnly(delivery.id);
        assertThat(last.header("X-Delivery-Attempt")).isEqualTo("3");
        assertThat(last.body()).contains("\"type\":\"ComplaintDispatched\"").contains("\"complaintId\":\"" + n + "\"")
                .contains("\"department\":\"SECURITY\"");
    }

    @Test
    void a_delivery_that_keeps_failing_is_dead_lettered_and_can_be_replayed_through_the_api() {
        failuresLeft.set(1_000);
        String n = dispatchSafetyComplaint();
        var delivery = awaitDelivery(n);
        for (int i = 0; i < 6; i++) {
            webhooks.deliverDue();
            clock.advance(Duration.ofMinutes(11));
        }
        assertThat(store.delivery(delivery.id).orElseThrow().status).isEqualTo(WebhookDeliveryDocument.Status.DEAD);
        assertThat(received).hasSize(6);

        var dead = get("/api/v1/organisation/webhooks/deliveries?department=SECURITY&status=DEAD", ADMIN);
        assertThat(dead.raw()).contains(delivery.id);

        failuresLeft.set(0);
        var replayed = post("/api/v1/organisation/webhooks/deliveries/" + delivery.id + "/replay", ADMIN, null);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(post("/api/v1/organisation/webhooks/deliveries/" + delivery.id + "/replay", ADMIN, null).status())
                .as("only a dead delivery can be replayed").isEqualTo(409);
        webhooks.deliverDue();
        assertThat(store.delivery(delivery.id).orElseThrow().status).isEqualTo(WebhookDeliveryDocument.Status.DELIVERED);
        assertThat(received).hasSize(7);
    }

    WebhookDeliveryDocument queued(String department, String complaint, boolean confidential) {
        WebhookDeliveryDocument d = new WebhookDeliveryDocument();
        d.id = java.util.UUID.randomUUID() + ":" + department;
        d.department = department;
        d.eventId = d.id;
        d.eventType = "ComplaintDispatched";
        d.complaintId = complaint;
        d.confidential = confidential;
        d.body = "{}";
        d.status = WebhookDeliveryDocument.Status.DEAD;
        d.createdAt = clock.instant();
        d.nextAttemptAt = d.createdAt;
        d.lockedUntil = d.createdAt;
        store.enqueue(d);
        return d;
    }

    /** The complaint numbers the caller's delivery list shows for these delivery ids (null: left out). */
    Map<String, String> listedComplaints(Caller caller, String... ids) {
        var body = get("/api/v1/organisation/webhooks/deliveries?status=DEAD", caller).body();
        Map<String, String> out = new java.util.HashMap<>();
        body.forEach(v -> {
            if (List.of(ids).contains(v.get("id").asString())) {
                out.put(v.get("id").asString(), v.get("complaintId").isNull() ? null : v.get("complaintId").asString());
            }
        });
        return out;
    }

    @Test
    void the_delivery_list_names_an_hr_complaint_only_to_those_who_may_read_it() {
        String hrNumber = newNumber();
        String transferredNumber = newNumber();
        String securityNumber = newNumber();
        var hr = queued("HR", hrNumber, true);
        var transferred = queued("SECURITY", transferredNumber, true);
        var security = queued("SECURITY", securityNumber, false);
        String[] ids = {hr.id, transferred.id, security.id};

        var forAdmin = listedComplaints(ADMIN, ids);
        assertThat(forAdmin).containsOnlyKeys(ids).containsEntry(security.id, securityNumber);
        assertThat(forAdmin.get(hr.id)).as("the delivery is listed, the HR complaint is not named").isNull();
        assertThat(forAdmin.get(transferred.id)).isNull();
        assertThat(listedComplaints(new Caller("sup", "SUPERVISOR", "SERVICE_DESK"), ids).get(hr.id)).isNull();

        var forHrAdmin = listedComplaints(new Caller("hr-admin", "ADMIN", "HR"), ids);
        assertThat(forHrAdmin).containsEntry(hr.id, hrNumber).containsEntry(transferred.id, transferredNumber);
        assertThat(listedComplaints(new Caller("sec-mgr", "DEPARTMENT_MANAGER", "SECURITY"), ids))
                .as("its own department's deliveries, confidential ones included")
                .containsOnly(Map.entry(transferred.id, transferredNumber), Map.entry(security.id, securityNumber));
    }

    static String hmacHex(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    Document storedWebhook(String department) {
        return mongo.getCollection("webhooks").find(new Document("_id", department)).first();
    }

    Received deliverOne(String complaint) {
        awaitDelivery(complaint);
        int before = received.size();
        assertThat(webhooks.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(before + 1);
        return received.get(before);
    }

    @Test
    void the_shared_secret_is_stored_sealed_and_never_shown_again() {
        Document stored = storedWebhook("SECURITY");
        assertThat(stored).doesNotContainKey("secret");
        assertThat(stored.getString("sealedSecret")).isNotBlank().doesNotContain(SECRET);
        assertThat(stored.toJson()).doesNotContain(SECRET);

        var shown = get("/api/v1/organisation/departments/SECURITY/webhook", ADMIN);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.raw()).doesNotContain(SECRET).doesNotContain(stored.getString("sealedSecret"));
        assertThat(shown.body().get("secretSet").asBoolean()).isTrue();

        Received delivered = deliverOne(dispatchSafetyComplaint());
        assertThat(delivered.header("X-Signature-256")).isEqualTo("sha256=" + hmacHex(SECRET, delivered.body()));
    }

    @Test
    void a_secret_an_earlier_version_stored_in_clear_still_signs_and_is_sealed_at_start() {
        String legacySecret = "stored-in-clear-by-0.9-secret";
        Document legacy = storedWebhook("SECURITY");
        legacy.remove("sealedSecret");
        legacy.put("secret", legacySecret);
        mongo.getCollection("webhooks").replaceOne(new Document("_id", "SECURITY"), legacy);

        // read as it is, before the start-up step has sealed it
        Received before = deliverOne(dispatchSafetyComplaint());
        assertThat(before.header("X-Signature-256")).isEqualTo("sha256=" + hmacHex(legacySecret, before.body()));

        assertThat(store.sealSecretsLeftInClear()).as("what a start does").isEqualTo(1);
        assertThat(store.sealSecretsLeftInClear()).as("once only").isZero();
        Document sealed = storedWebhook("SECURITY");
        assertThat(sealed).doesNotContainKey("secret");
        assertThat(sealed.toJson()).doesNotContain(legacySecret);

        Received after = deliverOne(dispatchSafetyComplaint());
        assertThat(after.header("X-Signature-256")).as("the department's receiver needs no change")
                .isEqualTo("sha256=" + hmacHex(legacySecret, after.body()));
    }

    @Test
    void bad_webhook_registrations_are_refused_field_by_field() {
        var bad = put("/api/v1/organisation/departments/SECURITY/webhook", ADMIN, "{\"url\":\"ftp://x\",\"secret\":\"short\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"field\":\"secret\"");
        var badUrl = put("/api/v1/organisation/departments/SECURITY/webhook", ADMIN,
                "{\"url\":\"ftp://example\",\"secret\":\"" + SECRET + "\"}");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.raw()).contains("\"field\":\"url\"");
        assertThat(put("/api/v1/organisation/departments/SECURITY/webhook", new Caller("ops-mgr-zhao", "DEPARTMENT_MANAGER", "OPERATIONS"),
                "{\"url\":\"http://127.0.0.1:1/x\",\"secret\":\"" + SECRET + "\"}").status()).isEqualTo(403);
    }
}
