package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.events.Topics;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One complaint through the whole system, driven through the gateway only, as a channel front end and a staff member
 * would (SPEC §9 shapes), with every event on the way checked on its topic: received (intake) → accepted and triaged
 * (triage) → dispatched to a department and a handler (dispatch) → an SLA clock started (sla) → the ledger entry in
 * reporting, and the complainant's own status view.
 */
final class ComplaintJourney {

    /** Generous: on a shared 2-core machine the first complaint also warms up every consumer. */
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(120);

    private ComplaintJourney() {
    }

    static void run(RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String last4 = phone.substring(phone.length() - 4);

        try (PublishedEvents events = new PublishedEvents(system, Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.SLA)) {
            // a channel front end registers the complaint (SPEC §9; receipt and photo attached, so it can be accepted)
            Gateway.Reply created = gateway.post("/api/v1/complaints", complaint(phone),
                    Map.of("X-Api-Key", Gateway.API_KEY, "Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(created.status()).as("POST /api/v1/complaints: %s", created).isEqualTo(201);
            JsonNode body = created.json();
            String number = body.path("complaintNumber").asString();
            assertThat(number).matches("C-\\d{8}-\\d{6}");
            assertThat(body.path("status").asString()).isEqualTo("RECEIVED");
            assertThat(body.path("statusUrl").asString()).isEqualTo("/api/v1/complaints/" + number + "/status");
            assertThat(created.location()).as("Location header").contains(number);

            // every event on the way, on its own topic, keyed by the complaint number
            JsonNode received = events.first(Topics.INTAKE, number, "ComplaintReceived");
            JsonNode accepted = events.first(Topics.TRIAGE, number, "ComplaintAccepted");
            JsonNode triaged = events.first(Topics.TRIAGE, number, "ComplaintTriaged");
            JsonNode dispatched = events.first(Topics.DISPATCH, number, "ComplaintDispatched");
            JsonNode clock = events.first(Topics.SLA, number, "SlaClockStarted");
            // the request's correlation id travels on into every event it causes, across all four services
            String correlationId = received.path("correlationId").asString();
            assertThat(correlationId).as("correlation id of %s", received).isNotBlank();
            for (JsonNode envelope : List.of(received, accepted, triaged, dispatched, clock)) {
                assertThat(envelope.path("complaintId").asString()).as("envelope of %s", envelope).isEqualTo(number);
                assertThat(envelope.path("eventId").asString()).as("envelope of %s", envelope).isNotBlank();
                assertThat(envelope.path("occurredAt").asString()).as("envelope of %s", envelope).isNotBlank();
                assertThat(envelope.path("correlationId").asString()).as("envelope of %s", envelope).isEqualTo(correlationId);
            }
            JsonNode dispatch = dispatched.path("payload");
            assertThat(dispatch.path("department").asString()).as("dispatched: %s", dispatched).isNotBlank();

            // staff read the ledger (reporting) until it shows the dispatch
            String token = gateway.devToken("u1", "TRIAGE_OFFICER", "SERVICE_DESK");
            JsonNode ledger = awaitLedger(gateway, system, token, number);
            assertThat(ledger.path("department").asString()).isEqualTo(dispatch.path("department").asString());
            assertThat(ledger.path("handler").asString()).isNotBlank();
            assertThat(ledger.path("category").asString()).isNotBlank();
            assertThat(ledger.path("severity").asString()).isIn("GENERAL", "IMPORTANT", "MAJOR");
            List<String> timeline = new ArrayList<>();
            ledger.path("timeline").forEach(e -> {
                assertThat(e.path("occurredAt").asString()).isNotBlank();
                timeline.add(e.path("type").asString());
            });
            assertThat(timeline).as("ledger timeline")
                    .containsSubsequence("ComplaintReceived", "ComplaintAccepted", "ComplaintTriaged", "ComplaintDispatched")
                    .contains("SlaClockStarted");

            // the complainant's own view, with the second factor, shows where the complaint is and no personal data
            JsonNode status = awaitStatus(gateway, number, last4, "DISPATCHED");
            assertThat(status.path("complaintNumber").asString()).isEqualTo(number);
            assertThat(status.path("nextStep").asString()).isNotBlank();
            assertThat(status.toString()).doesNotContain(phone).doesNotContain("赵六");

            Gateway.Reply wrongFactor = gateway.get("/api/v1/complaints/" + number + "/status?verify=0000".replace("0000",
                    last4.equals("0000") ? "1111" : "0000"), Map.of("X-Api-Key", Gateway.API_KEY));
            assertThat(wrongFactor.status()).as("status with a wrong second factor: %s", wrongFactor).isBetween(400, 499);
            assertThat(wrongFactor.body()).doesNotContain("DISPATCHED");
        }
    }

    static Map<String, Object> complaint(String phone) {
        return complaint(phone, "上周买的电饭煲用了两次就不能加热了,要求换货。", "3F 家电区", "EXCHANGE");
    }

    /** A consumer's complaint by phone with a receipt and a photo attached, so that a money or goods remedy is accepted. */
    static Map<String, Object> complaint(String phone, String content, String subject, String remedy) {
        return complaint(phone, content, subject, remedy, "CONSUMER");
    }

    /** The same, by a complainant of {@code complainantType} (e.g. EMPLOYEE: HR's, SPEC §3.20). */
    static Map<String, Object> complaint(String phone, String content, String subject, String remedy,
                                         String complainantType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("complainant", Map.of("name", "赵六", "phone", phone, "type", complainantType));
        body.put("content", content);
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString());
        body.put("subject", subject);
        body.put("claimedAmount", Map.of("amount", 398.00, "currency", "CNY"));
        body.put("requestedRemedies", List.of(remedy));
        body.put("requestedDeadline", LocalDate.now(ZoneOffset.ofHours(8)).plusDays(7).toString());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
                0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
        String photo = Base64.getEncoder().encodeToString(jpeg);
        body.put("evidence", List.of(
                Map.of("name", "receipt.jpg", "contentType", "image/jpeg", "contentBase64", photo),
                Map.of("name", "photo.jpg", "contentType", "image/jpeg", "contentBase64", photo)));
        body.put("recordedBy", "desk-07");
        return body;
    }

    private static JsonNode awaitLedger(Gateway gateway, RunningSystem system, String token, String number) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        Gateway.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = gateway.get("/api/v1/ledger/" + number, Map.of("Authorization", "Bearer " + token));
            if (last.status() == 200) {
                JsonNode entry = last.json();
                if ("DISPATCHED".equals(entry.path("status").asString()) && !entry.path("department").asString().isBlank()
                        && !entry.path("handler").asString().isBlank()) {
                    return entry;
                }
            }
            pause();
        }
        throw new AssertionError("the ledger did not show " + number + " DISPATCHED with a department and a handler within "
                + EVENT_TIMEOUT + "; last answer: " + last + deadServices(system));
    }

    private static JsonNode awaitStatus(Gateway gateway, String number, String verify, String expected) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        Gateway.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = gateway.get("/api/v1/complaints/" + number + "/status?verify=" + verify, Map.of("X-Api-Key", Gateway.API_KEY));
            if (last.status() == 200 && expected.equals(last.json().path("status").asString())) {
                return last.json();
            }
            pause();
        }
        throw new AssertionError("the complainant's status view did not show " + expected + " within " + EVENT_TIMEOUT
                + "; last answer: " + last);
    }

    private static String deadServices(RunningSystem system) {
        Map<String, String> dead = system.deadServices();
        return dead.isEmpty() ? "" : "; services that died: " + dead;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
