package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.intake.adapters.mongo.ComplaintDocument;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static com.complaintdesk.testsupport.Caller.NOBODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** intake-service over HTTP with its real Mongo store and Kafka (embedded). */
class IntakeApiTest extends IntakeSpringTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    static final Caller HOTLINE = Caller.channel("hotline");
    static final Caller WEB = Caller.channel("web");

    static final String VALID = """
            {"channel":"PHONE","complainant":{"name":"张三","phone":"13800138000","email":"zs@example.com","type":"CONSUMER"},
             "content":"上周买的电饭煲用了两次就不能加热了,要求换货。","occurredAt":"2026-11-27T15:00:00+08:00",
             "subject":"3F 家电区","claimedAmount":{"amount":398.00,"currency":"CNY"},"requestedRemedies":["EXCHANGE"],
             "requestedDeadline":"2026-12-01","recordedBy":"desk-07"}""";

    @Test
    void health_reports_the_store_up_on_the_mongo_wire_server() throws Exception {
        var health = http.get("/actuator/health", NOBODY);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").containsPattern("\"mongo\":\\{\"status\":\"UP\"");
    }

    long complaints() {
        return mongo.getCollection("complaints").countDocuments();
    }

    String register() throws Exception {
        var r = http.post("/api/v1/complaints", VALID, HOTLINE);
        assertThat(r.statusCode()).isEqualTo(201);
        return json.readTree(r.body()).get("complaintNumber").asString();
    }

    @Test
    void registering_returns_201_with_number_location_and_status_url_and_publishes_received() throws Exception {
        var r = http.post("/api/v1/complaints", VALID, HOTLINE);

        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(r.body());
        String number = body.get("complaintNumber").asString();
        assertThat(number).matches("C-\\d{8}-\\d{6}");
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(body.get("statusUrl").asString()).isEqualTo("/api/v1/complaints/" + number + "/status");
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/complaints/" + number);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            var hit = probe.await(EventProbe.ofType(number, "ComplaintReceived"), 1, Duration.ofSeconds(30)).get(0);
            JsonNode event = json.readTree(hit.value());
            assertThat(event.get("producer").asString()).isEqualTo("intake-service");
            assertThat(event.at("/payload/claimedAmount/amount").decimalValue()).isEqualByComparingTo("398.00");
            assertThat(event.at("/payload/recordedBy").asString()).isEqualTo("desk-07");
        }
    }

    @Test
    void personal_data_is_encrypted_at_rest() throws Exception {
        String number = register();
        ComplaintDocument stored = mongo.findById(number, ComplaintDocument.class);
        assertThat(stored.phoneSealed).isNotBlank().doesNotContain("13800138000");
        assertThat(stored.nameSealed).doesNotContain("张三");
        assertThat(mongo.getCollection("complaints").find().first().toJson()).doesNotContain("13800138000");
    }

    @Test
    void registrations_and_reads_of_evidence_are_in_the_audit_trail() throws Exception {
        String number = register();
        var added = http.post("/api/v1/complaints/" + number + "/evidence",
                "{\"verify\":\"8000\",\"evidence\":{\"name\":\"r.pdf\",\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0=\"}}", NOBODY);
        String evidenceId = json.readTree(added.body()).get("evidenceId").asString();
        var asStaff = http.getBytes("/api/v1/complaints/" + number + "/evidence/" + evidenceId,
                new Caller("officer-1", "TRIAGE_OFFICER", null));
        var asChannel = http.get("/api/v1/complaints/" + number + "/evidence/" + evidenceId, NOBODY);

        assertThat(asStaff.statusCode()).isEqualTo(200);
        assertThat(new String(asStaff.body())).isEqualTo("%PDF-");
        assertThat(asChannel.statusCode()).isEqualTo(403);
        var actions = mongo.getCollection("audit").find(new org.bson.Document("complaintId", number))
                .map(d -> d.getString("action") + "/" + d.getString("actor")).into(new java.util.ArrayList<>());
        assertThat(actions).contains("COMPLAINT_REGISTERED/channel:hotline", "EVIDENCE_ADDED/anonymous",
                "EVIDENCE_READ/officer-1");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_same_complaint_and_stores_nothing_new() throws Exception {
        String key = UUID.randomUUID().toString();
        var first = http.post("/api/v1/complaints", VALID, WEB, "Idempotency-Key", key);
        long before = complaints();
        var retry = http.post("/api/v1/complaints", VALID, WEB, "Idempotency-Key", key);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json.readTree(retry.body()).get("complaintNumber").asString())
                .isEqualTo(json.readTree(first.body()).get("complaintNumber").asString());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(complaints()).isEqualTo(before);

        var different = http.post("/api/v1/complaints", VALID.replace("电饭煲", "电水壶"), WEB,
                "Idempotency-Key", key);
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(different.body()).contains("Idempotency");
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    void identical_retries_arriving_together_make_one_complaint() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = complaints();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> http.post("/api/v1/complaints", VALID, WEB, "Idempotency-Key", key)));
            }
            var numbers = new java.util.HashSet<String>();
            for (var a : answers) {
                var r = a.get();
                assertThat(r.statusCode()).isEqualTo(201);
                numbers.add(json.readTree(r.body()).get("complaintNumber").asString());
            }
            assertThat(numbers).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(complaints()).isEqualTo(before + 1);
        assertThat(mongo.indexOps(ComplaintDocument.class).getIndexInfo())
                .anySatisfy(i -> assertThat(i.isUnique() && i.getIndexFields().get(0).getKey().equals("idempotencyId")).isTrue());
    }

    @Test
    void bad_input_gets_problem_json_field_by_field_and_nothing_is_stored() throws Exception {
        long before = complaints();
        record Case(String body, String contentType, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"channel\":\"PHONE\",", "application/json", 400, null),
                new Case(VALID, "text/plain", 415, null),
                new Case(VALID.replace("\"PHONE\"", "\"PIGEON\""), "application/json", 400, "channel"),
                new Case(VALID.replace("上周买的电饭煲用了两次就不能加热了,要求换货。", "很".repeat(5001)), "application/json", 400, "content"),
                new Case(VALID.replace("\"phone\":\"13800138000\",\"email\":\"zs@example.com\",", ""), "application/json", 400, "complainant.contact"),
                new Case(VALID.replace("398.00", "-1"), "application/json", 400, "claimedAmount.amount"),
                new Case(VALID.replace("\"type\":\"CONSUMER\"", "\"type\":\"ALIEN\""), "application/json", 400, "complainant.type"),
                new Case(VALID.replace("\"content\":\"上周买的电饭煲用了两次就不能加热了,要求换货。\",", ""), "application/json", 400, "content"),
                new Case(VALID.replace("\"recordedBy\":\"desk-07\"", "\"recordedBy\":\"desk-07\",\"evidence\":[{\"name\":\"a.exe\",\"contentType\":\"application/x-msdownload\",\"contentBase64\":\"AAAA\"}]"),
                        "application/json", 400, "evidence[0].contentType"),
                new Case(VALID.replace("\"recordedBy\":\"desk-07\"", "\"recordedBy\":\"desk-07\",\"evidence\":[{\"name\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"contentBase64\":\"%%%\"}]"),
                        "application/json", 400, "evidence[0].contentBase64"),
                new Case(VALID.replace("\"subject\"", "\"surprise\":1,\"subject\""), "application/json", 400, "surprise"));
        for (Case c : cases) {
            var r = http.send(http.request("/api/v1/complaints", NOBODY).header("Content-Type", c.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(c.body())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(c.toString().substring(0, Math.min(120, c.toString().length()))).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
            if (c.field() != null) {
                assertThat(json.readTree(r.body()).path("errors").findValuesAsString("field")).as(c.field() + " in " + r.body()).contains(c.field());
            }
        }
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    void evidence_too_large_is_refused_and_valid_evidence_is_stored_and_published() throws Exception {
        String number = register();
        String big = Base64.getEncoder().encodeToString(new byte[6 * 1024 * 1024]);
        var tooBig = http.post("/api/v1/complaints/" + number + "/evidence",
                "{\"verify\":\"8000\",\"evidence\":{\"name\":\"big.jpg\",\"contentType\":\"image/jpeg\",\"contentBase64\":\"" + big + "\"}}", NOBODY);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("evidence[0].contentBase64");

        var ok = http.post("/api/v1/complaints/" + number + "/evidence",
                "{\"verify\":\"8000\",\"evidence\":{\"name\":\"receipt.jpg\",\"contentType\":\"image/jpeg\",\"contentBase64\":\""
                        + Base64.getEncoder().encodeToString("jpeg-bytes".getBytes()) + "\"}}", NOBODY);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(mongo.getCollection("evidence").countDocuments(new org.bson.Document("complaintNumber", number))).isEqualTo(1);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            var hit = probe.await(EventProbe.ofType(number, "EvidenceAdded"), 1, Duration.ofSeconds(30)).get(0);
            assertThat(hit.value()).contains("receipt.jpg").contains("\"evidenceCount\":1");
        }
    }

    @Test
    void status_needs_the_second_factor_and_shows_no_personal_data() throws Exception {
        String number = register();

        var wrong = http.get("/api/v1/complaints/" + number + "/status?verify=1234", NOBODY);
        var unknown = http.get("/api/v1/complaints/C-19990101-000001/status?verify=8000", NOBODY);
        var malformed = http.get("/api/v1/complaints/nonsense/status?verify=8000", NOBODY);
        var byPhone = http.get("/api/v1/complaints/" + number + "/status?verify=8000", NOBODY);
        var byEmail = http.get("/api/v1/complaints/" + number + "/status?verify=ZS@example.com", NOBODY);

        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(byPhone.statusCode()).isEqualTo(200);
        assertThat(byEmail.statusCode()).isEqualTo(200);
        JsonNode view = json.readTree(byPhone.body());
        assertThat(view.get("complaintNumber").asString()).isEqualTo(number);
        assertThat(view.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(view.get("acceptance").asString()).isEqualTo("PENDING");
        assertThat(view.get("nextStep").asString()).isNotBlank();
        assertThat(byPhone.body()).doesNotContain("13800138000").doesNotContain("张三").doesNotContain("zs@example.com");
    }

    @Test
    void urges_are_counted_and_published() throws Exception {
        String number = register();
        http.post("/api/v1/complaints/" + number + "/urge", "{\"verify\":\"8000\",\"message\":\"还没人联系我\"}", NOBODY);
        var second = http.post("/api/v1/complaints/" + number + "/urge", "{\"verify\":\"8000\"}", NOBODY);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("urgeCount").asInt()).isEqualTo(2);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            probe.await(EventProbe.ofType(number, "ComplaintUrged"), 2, Duration.ofSeconds(30));
        }
        assertThat(http.post("/api/v1/complaints/" + number + "/urge", "{\"verify\":\"0000\"}", NOBODY).statusCode()).isEqualTo(404);
    }

    @Test
    void the_status_follows_triage_events_and_a_redelivered_event_changes_nothing_twice() throws Exception {
        String number = register();
        var envelope = EventEnvelope.of(new AwaitingDocuments(List.of("购物小票 receipt"), "换货需要购物凭证"), number,
                Instant.now(), "corr", "triage-service");
        kafka.send(Topics.TRIAGE, number, codec.encode(envelope)).get();
        kafka.send(Topics.TRIAGE, number, codec.encode(envelope)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = json.readTree(http.get("/api/v1/complaints/" + number + "/status?verify=8000", NOBODY).body());
            assertThat(view.get("status").asString()).isEqualTo("AWAITING_DOCUMENTS");
            assertThat(view.get("nextStep").asString()).contains("购物小票");
        });
        ComplaintDocument doc = mongo.findById(number, ComplaintDocument.class);
        assertThat(doc.getProcessedEvents()).containsOnlyOnce(envelope.eventId().toString());
    }

    @Test
    void events_the_complainant_does_not_see_are_skipped_without_touching_the_complaint() throws Exception {
        String number = register();
        var warning = EventEnvelope.of(new com.complaintdesk.contracts.events.SlaEvents.SlaWarning("RESOLUTION",
                Instant.now().plusSeconds(3600), 80), number, Instant.now(), "c", "sla-service");
        kafka.send(Topics.SLA, number, codec.encode(warning)).get();
        var after = EventEnvelope.of(new AwaitingDocuments(List.of("invoice"), "need invoice"), number, Instant.now(), "c", "triage-service");
        kafka.send(Topics.TRIAGE, number, codec.encode(after)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mongo.findById(number, ComplaintDocument.class).getProcessedEvents())
                        .contains(after.eventId().toString()));
        assertThat(mongo.findById(number, ComplaintDocument.class).getProcessedEvents())
                .doesNotContain(warning.eventId().toString());
    }

    @Test
    void a_record_of_an_unknown_type_still_goes_to_the_dead_letter_topic() throws Exception {
        String number = register();
        String unknown = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"NoSuchEvent\",\"payload\":{}}";
        kafka.send(Topics.DISPATCH, number, unknown).get();

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.DISPATCH))) {
            probe.await(r -> number.equals(r.key()) && r.value().equals(unknown), 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_without_blocking_the_partition() throws Exception {
        String number = register();
        kafka.send(Topics.TRIAGE, number, "this is not an event").get();
        var after = EventEnvelope.of(new AwaitingDocuments(List.of("invoice"), "need invoice"), number, Instant.now(), "c", "triage-service");
        kafka.send(Topics.TRIAGE, number, codec.encode(after)).get();

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.TRIAGE))) {
            probe.await(r -> number.equals(r.key()) && r.value().equals("this is not an event"), 1, Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/v1/complaints/" + number + "/status?verify=8000", NOBODY).body()).contains("AWAITING_DOCUMENTS"));
    }
}
