package com.complaintdesk.systemtests;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complainant, as a channel front end acts for them (SPEC §3.19): the complaint number and the second factor
 * (last 4 digits of the phone) are all they have.
 */
final class Complainant {

    private static final Map<String, String> CHANNEL = Map.of("X-Api-Key", Gateway.API_KEY);

    private final Gateway gateway;
    private final String number;
    private final String verify;

    private Complainant(Gateway gateway, String number, String verify) {
        this.gateway = gateway;
        this.number = number;
        this.verify = verify;
    }

    /**
     * A front end registers the complaint (201, RECEIVED) for a consumer with a fresh phone number. The subject gets a
     * mark of its own, so that complaints of other tests or earlier runs on the same system never make it look like a
     * collective case (SPEC §3.6: same matter and place, 5+ complainants), which would make it MAJOR.
     */
    static Complainant registers(Gateway gateway, String content, String subject, String remedy) {
        return registers(gateway, "CONSUMER", content, subject, remedy);
    }

    /** The same for a complainant of {@code complainantType} (e.g. an EMPLOYEE, whose complaint is HR's). */
    static Complainant registers(Gateway gateway, String complainantType, String content, String subject, String remedy) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Gateway.Reply created = gateway.post("/api/v1/complaints",
                ComplaintJourney.complaint(phone, content, subject + " " + uniqueMark(), remedy, complainantType),
                Map.of("X-Api-Key", Gateway.API_KEY, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).as("POST /api/v1/complaints: %s", created).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("RECEIVED");
        return new Complainant(gateway, created.json().path("complaintNumber").asString(), phone.substring(phone.length() - 4));
    }

    /** Consonants only (no c, t, v: "cctv"): no term of triage's rules (the English ones have vowels). */
    private static String uniqueMark() {
        String consonants = "bdfghjkmnpqrswxz";
        StringBuilder mark = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            mark.append(consonants.charAt(ThreadLocalRandom.current().nextInt(consonants.length())));
        }
        return mark.toString();
    }

    String number() {
        return number;
    }

    Gateway.Reply status() {
        return gateway.get("/api/v1/complaints/" + number + "/status?verify=" + verify, CHANNEL);
    }

    /** The proposed solution, every decision told with its reason, and the result (SPEC §3.11, §3.13). */
    Gateway.Reply solution() {
        return gateway.get("/api/v1/complaints/" + number + "/solution?verify=" + verify, CHANNEL);
    }

    Gateway.Reply acceptsSolution(String note) {
        return gateway.post("/api/v1/complaints/" + number + "/solution/accept", Map.of("verify", verify, "note", note), CHANNEL);
    }

    Gateway.Reply rejectsSolution(String reason) {
        return gateway.post("/api/v1/complaints/" + number + "/solution/reject", Map.of("verify", verify, "reason", reason),
                CHANNEL);
    }

    /** Answers the revisit (SPEC §3.19): a 1–5 rating, a reason when it is bad. */
    Gateway.Reply answersRevisit(int satisfaction, String reason, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verify", verify);
        body.put("satisfaction", satisfaction);
        body.put("reason", reason);
        body.put("comment", comment);
        return gateway.post("/api/v1/complaints/" + number + "/revisit", body, CHANNEL);
    }
}
