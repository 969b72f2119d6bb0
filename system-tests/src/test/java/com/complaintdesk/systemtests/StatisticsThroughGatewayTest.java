package com.complaintdesk.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, "numbers must agree with the ledger": a known mix of complaints goes through the whole system, driven
 * through the gateway only (a channel front end posts them, adds evidence and urges), and every SPEC §5 figure the
 * system reaches without waiting days — received, accepted, rejected, transferred, awaiting documents, dispatched and
 * urges, in total and by category, department, severity, channel and complainant type — is checked against an
 * expectation computed by hand below, and against the ledger.
 * <p>
 * The mix relies only on the shipped defaults: the acceptance scope (a theft is transferred to the police, an event
 * more than 365 days old is rejected, an exchange or refund without evidence waits for documents), the category rules
 * (plain, unambiguous texts) and the routing of the default organisation (product quality → OPERATIONS, facilities →
 * ENGINEERING, service attitude → SERVICE_DESK, each with an always-on-duty handler). Other tests may share the running
 * system, so the figures are compared as the change from a baseline read just before.
 */
@ExtendWith(WholeSystem.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class StatisticsThroughGatewayTest {

    private static final ZoneId DESK_ZONE = ZoneId.of("Asia/Shanghai");
    /** Generous: on a shared 2-core machine the first complaint may also warm up every consumer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> COUNTED = List.of("received", "accepted", "rejected", "transferred",
            "awaitingDocuments", "dispatched", "urges", "closed", "resolved", "resolvedOnTime", "appeals", "investigated",
            "preventiveMeasures", "revisited", "revisitedOnTime", "revisitReached", "satisfied", "reopened");
    /** The figures the handled complaint adds, once each (the rest of the mix adds none of them). */
    private static final Map<String, Long> HANDLED = Map.of("resolved", 1L, "resolvedOnTime", 1L, "appeals", 1L,
            "investigated", 1L, "preventiveMeasures", 1L, "revisited", 1L, "revisitedOnTime", 1L, "revisitReached", 1L,
            "satisfied", 1L);
    private static final List<String> BREAKDOWNS = List.of("category", "department", "severity", "channel", "complainantType");

    /** One complaint of the mix: what is posted and what the shipped rules make of it (worked out by hand). */
    record Case(String name, String channel, String content, List<String> remedies, boolean withEvidence,
                boolean eventTwoYearsAgo, String expectedStatus, String acceptance, String category, String department,
                String severity) {
    }

    /** Category, department, severity of a complaint never classified (rejected, transferred, still waiting). */
    private static final String UNKNOWN = "UNKNOWN";

    static List<Case> mix() {
        return List.of(
                // accepted at once: product quality → OPERATIONS, no amount → GENERAL
                new Case("quality", "LETTER", "上周在二楼买的电动牙刷充不进电,无法使用,质量太差。", List.of(), false, false,
                        "DISPATCHED", "ACCEPTED", "PRODUCT_QUALITY", "OPERATIONS", "GENERAL"),
                // accepted at once: facilities → ENGINEERING
                new Case("facility", "WALK_IN", "三楼洗手间有很大的臭味,地面还有积水。", List.of(), false, false,
                        "DISPATCHED", "ACCEPTED", "FACILITY_ENVIRONMENT", "ENGINEERING", "GENERAL"),
                // accepted at once: service attitude (not MAJOR) → SERVICE_DESK; then handled to the end below:
                // investigated, a solution with a preventive measure, rejected (an appeal), the manager's solution
                // accepted, resolved, revisited and satisfied → closed
                new Case("attitude", "LETTER", "鞋店的店员服务态度恶劣,对顾客爱理不理还翻白眼。", List.of(), false, false,
                        "CLOSED", "ACCEPTED", "SERVICE_ATTITUDE", "SERVICE_DESK", "GENERAL"),
                // an exchange without evidence waits for documents; the evidence is added below, then it is accepted
                new Case("documents-supplied", "LETTER", "刚买的羽绒服跑绒严重,质量问题,要求换货。", List.of("EXCHANGE"), false, false,
                        "DISPATCHED", "ACCEPTED", "PRODUCT_QUALITY", "OPERATIONS", "GENERAL"),
                // a refund without evidence: waits for documents and stays so (never classified)
                new Case("documents-missing", "WALK_IN", "买的皮鞋穿了两天就开胶了,要求退款。", List.of("REFUND"), false, false,
                        "AWAITING_DOCUMENTS", "AWAITING_DOCUMENTS", UNKNOWN, UNKNOWN, UNKNOWN),
                // the event happened two years before: older than the scope's 365 days → rejected, then closed
                // (followup-service closes a rejected or transferred complaint: SPEC §3 REJECTED → CLOSED)
                new Case("too-old", "LETTER", "两年前在商场买的台灯坏了,质量不好。", List.of(), false, true,
                        "CLOSED", "REJECTED", UNKNOWN, UNKNOWN, UNKNOWN),
                // a theft is a police matter → transferred, then closed
                new Case("theft", "WALK_IN", "我在商场一楼逛街的时候钱包被偷了。", List.of(), false, false,
                        "CLOSED", "TRANSFERRED", UNKNOWN, UNKNOWN, UNKNOWN));
    }

    /** The complaint of the mix that the complainant urges, and how often. */
    private static final String URGED = "quality";
    private static final int URGES = 2;

    @Test
    void givenAKnownMixPostedThroughTheGateway_whenItHasFlowed_thenEveryFigureIsTheHandComputedOneAndAgreesWithTheLedger(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        String token = gateway.devToken("sup-stats", "SUPERVISOR", "SERVICE_DESK");
        Map<String, String> staff = Map.of("Authorization", "Bearer " + token);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // the day the figures fall on (the desk's zone); a range of three days so a run across midnight still counts
        LocalDate today = LocalDate.now(DESK_ZONE);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Map<String, JsonNode> baseline = readAll(gateway, staff, range);
        JsonNode monthBaseline = statistics(gateway, staff, "/api/v1/statistics/monthly/" + YearMonth.from(today));

        // --- a channel front end posts the mix
        Map<String, String> numbers = new LinkedHashMap<>();
        Map<String, String> phones = new LinkedHashMap<>();
        for (Case c : mix()) {
            String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            Gateway.Reply created = gateway.post("/api/v1/complaints", body(c, phone, run),
                    Map.of("X-Api-Key", Gateway.API_KEY, "Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(created.status()).as("POST %s: %s", c.name(), created).isEqualTo(201);
            numbers.put(c.name(), created.json().path("complaintNumber").asString());
            phones.put(c.name(), phone);
        }

        // --- the complainant supplies the missing documents for one, once it waits for them
        String supplied = numbers.get("documents-supplied");
        awaitLedger(gateway, staff, supplied, e -> "AWAITING_DOCUMENTS".equals(e.path("status").asString()), system);
        Gateway.Reply evidence = gateway.post("/api/v1/complaints/" + supplied + "/evidence",
                Map.of("verify", last4(phones.get("documents-supplied")), "evidence", Map.of("name", "receipt.jpg",
                        "contentType", "image/jpeg", "contentBase64", JPEG)),
                Map.of("X-Api-Key", Gateway.API_KEY));
        assertThat(evidence.status()).as("evidence: %s", evidence).isEqualTo(201);

        // --- and urges another one twice
        for (int i = 0; i < URGES; i++) {
            Gateway.Reply urged = gateway.post("/api/v1/complaints/" + numbers.get(URGED) + "/urge",
                    Map.of("verify", last4(phones.get(URGED)), "message", "请尽快处理"), Map.of("X-Api-Key", Gateway.API_KEY));
            assertThat(urged.status()).as("urge: %s", urged).isEqualTo(200);
        }

        // --- the service desk handles one to the end: investigation, solution, appeal, resolution, revisit
        String cause = "店员服务培训不足 " + run;
        handleToTheEnd(gateway, system, staff, numbers.get("attitude"), last4(phones.get("attitude")), cause);

        // --- every complaint reaches the state the rules give it, in the ledger
        for (Case c : mix()) {
            String number = numbers.get(c.name());
            JsonNode entry = awaitLedger(gateway, staff, number, e -> c.expectedStatus().equals(e.path("status").asString())
                    && c.acceptance().equals(e.path("acceptance").asString())
                    && (!"DISPATCHED".equals(c.expectedStatus()) || !e.path("handler").asString().isBlank())
                    && (!URGED.equals(c.name()) || e.path("urgeCount").asInt() == URGES), system);
            assertThat(orUnknown(entry.path("category"))).as("category of %s (%s)", c.name(), number).isEqualTo(c.category());
            assertThat(orUnknown(entry.path("department"))).as("department of %s (%s)", c.name(), number).isEqualTo(c.department());
            assertThat(orUnknown(entry.path("severity"))).as("severity of %s (%s)", c.name(), number).isEqualTo(c.severity());
            assertThat(entry.path("channel").asString()).as("channel of %s", c.name()).isEqualTo(c.channel());
        }

        // --- the expectation, by hand: every complaint adds one to each figure it reaches, under its own values
        // totals: 7 received; 4 accepted (quality, facility, attitude, documents-supplied); 1 rejected; 1 transferred;
        // 2 awaiting documents (both documents-* cases); 4 dispatched; 2 urges; 3 closed (too-old, theft, attitude);
        // and what the handled one adds (HANDLED: resolved on time, 1 appeal, investigated, 1 measure, revisited on
        // time, reached and satisfied)
        Map<String, Long> allFigures = with(HANDLED, Map.of("received", 7L, "accepted", 4L, "rejected", 1L,
                "transferred", 1L, "awaitingDocuments", 2L, "dispatched", 4L, "urges", 2L, "closed", 3L));
        Map<String, Long> unknown = Map.of("received", 3L, "rejected", 1L, "transferred", 1L, "awaitingDocuments", 1L,
                "closed", 2L); // documents-missing, too-old, theft: never classified nor dispatched
        Map<String, Long> productQuality = Map.of("received", 2L, "accepted", 2L, "awaitingDocuments", 1L, "dispatched", 2L,
                "urges", 2L); // quality (urged twice), documents-supplied
        Map<String, Long> facility = Map.of("received", 1L, "accepted", 1L, "dispatched", 1L);
        Map<String, Long> attitude = with(HANDLED, Map.of("received", 1L, "accepted", 1L, "dispatched", 1L, "closed", 1L));
        Map<String, Map<String, Map<String, Long>>> expectedGroups = new TreeMap<>();
        expectedGroups.put("category", Map.of("PRODUCT_QUALITY", productQuality, "FACILITY_ENVIRONMENT", facility,
                "SERVICE_ATTITUDE", attitude, UNKNOWN, unknown));
        expectedGroups.put("department", Map.of("OPERATIONS", productQuality, "ENGINEERING", facility,
                "SERVICE_DESK", attitude, UNKNOWN, unknown));
        expectedGroups.put("severity", Map.of(UNKNOWN, unknown,
                "GENERAL", with(HANDLED, Map.of("received", 4L, "accepted", 4L, "awaitingDocuments", 1L, "dispatched", 4L,
                        "urges", 2L, "closed", 1L))));
        expectedGroups.put("channel", Map.of(
                // LETTER: quality, attitude, documents-supplied, too-old
                "LETTER", with(HANDLED, Map.of("received", 4L, "accepted", 3L, "rejected", 1L, "awaitingDocuments", 1L,
                        "dispatched", 3L, "urges", 2L, "closed", 2L)),
                // WALK_IN: facility, documents-missing, theft
                "WALK_IN", Map.of("received", 3L, "accepted", 1L, "transferred", 1L, "awaitingDocuments", 1L,
                        "dispatched", 1L, "closed", 1L)));
        expectedGroups.put("complainantType", Map.of("CONSUMER", allFigures));

        // --- the statistics (counters are moved right after each ledger write: wait briefly for the last one)
        List<String> mismatches = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            mismatches.clear();
            Map<String, JsonNode> now = readAll(gateway, staff, range);
            compare("totals", baseline.get("category").path("totals"), now.get("category").path("totals"),
                    allFigures, mismatches);
            for (String by : BREAKDOWNS) {
                expectedGroups.get(by).forEach((key, expected) -> compare(by + "=" + key, group(baseline.get(by), key),
                        group(now.get(by), key), expected, mismatches));
            }
            JsonNode month = statistics(gateway, staff, "/api/v1/statistics/monthly/" + YearMonth.from(today));
            if (!YearMonth.from(today).equals(YearMonth.from(LocalDate.now(DESK_ZONE)))) {
                break; // the month turned during the run: the month's cells are not comparable
            }
            compare("month totals", monthBaseline.path("totals"), month.path("totals"), allFigures, mismatches);
            // the rates of the totals, worked out from the baseline's counts and the hand-computed change
            checkRates(baseline.get("category").path("totals"), now.get("category").path("totals"), allFigures, mismatches);
            // the investigation's cause (of this run only) is a group of its own
            long byCause = group(statistics(gateway, staff, "/api/v1/statistics?" + range + "&by=cause"), cause)
                    .path("counts").path("investigated").asLong(0);
            if (byCause != 1) {
                mismatches.add("by=cause " + cause + " investigated: " + byCause + ", expected 1");
            }
            if (mismatches.isEmpty()) {
                break;
            }
            pause();
        } while (System.nanoTime() < deadline);
        assertThat(mismatches).as("figures that differ from the hand-computed change (baseline → now)").isEmpty();

        // --- the ledger agrees: the complaints of the mix listed under a filter are exactly those counted for it
        assertThat(listed(gateway, staff, "channel=LETTER&" + range, numbers.values()))
                .as("LETTER complaints of the mix in the ledger")
                .containsExactlyInAnyOrder(numbers.get("quality"), numbers.get("attitude"), numbers.get("documents-supplied"),
                        numbers.get("too-old"));
        assertThat(listed(gateway, staff, "status=AWAITING_DOCUMENTS&" + range, numbers.values()))
                .containsExactly(numbers.get("documents-missing"));
        assertThat(listed(gateway, staff, "category=PRODUCT_QUALITY&status=DISPATCHED&" + range, numbers.values()))
                .containsExactlyInAnyOrder(numbers.get("quality"), numbers.get("documents-supplied"));
        assertThat(listed(gateway, staff, "status=CLOSED&" + range, numbers.values()))
                .containsExactlyInAnyOrder(numbers.get("too-old"), numbers.get("theft"), numbers.get("attitude"));

        // the export of the same filter opens as CSV with the same rows
        Gateway.Reply csv = gateway.get("/api/v1/ledger/export?format=csv&channel=LETTER&" + range, staff);
        assertThat(csv.status()).as("export: %s", csv.status()).isEqualTo(200);
        for (String n : List.of("quality", "attitude", "documents-supplied", "too-old")) {
            assertThat(csv.body()).contains(numbers.get(n));
        }
        assertThat(csv.body()).doesNotContain(numbers.get("facility"));
    }

    // ---------------------------------------------------------------- helpers

    private static final String JPEG = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
            (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9});

    static Map<String, Object> body(Case c, String phone, String run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", c.channel());
        body.put("complainant", Map.of("name", "钱七", "phone", phone, "type", "CONSUMER"));
        body.put("content", c.content());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        body.put("occurredAt", (c.eventTwoYearsAgo() ? now.minusYears(2) : now.minusHours(3)).toString());
        // a subject of this run only, so no other test's complaints make these look like a collective case
        body.put("subject", "统计测试 " + run + " " + c.name());
        if (!c.remedies().isEmpty()) {
            body.put("requestedRemedies", c.remedies());
        }
        if (c.withEvidence()) {
            body.put("evidence", List.of(Map.of("name", "receipt.jpg", "contentType", "image/jpeg", "contentBase64", JPEG)));
        }
        body.put("recordedBy", "desk-stats");
        return body;
    }

    /** What a service desk does with one complaint, through the gateway: the whole handling path of SPEC §3. */
    private static void handleToTheEnd(Gateway gateway, RunningSystem system, Map<String, String> staff, String number,
                                       String verify, String cause) {
        JsonNode dispatched = awaitLedger(gateway, staff, number, e -> "DISPATCHED".equals(e.path("status").asString())
                && !e.path("handler").asString().isBlank(), system);
        String department = dispatched.path("department").asString();
        Map<String, String> handler = Map.of("Authorization", "Bearer "
                + gateway.devToken(dispatched.path("handler").asString(), "HANDLER", department));
        Gateway.Reply org = gateway.get("/api/v1/organisation/departments/" + department, handler);
        assertThat(org.status()).as("department %s: %s", department, org).isEqualTo(200);
        Map<String, String> manager = Map.of("Authorization", "Bearer "
                + gateway.devToken(org.json().path("manager").asString(), "DEPARTMENT_MANAGER", department));
        Map<String, String> channel = Map.of("X-Api-Key", Gateway.API_KEY);
        String dispatch = "/api/v1/dispatch/complaints/" + number;

        ok(gateway.post(dispatch + "/investigation", Map.of("cause", cause, "responsibleParty", "鞋店",
                "findings", "监控显示店员未回应顾客"), handler), "investigation");
        ok(gateway.post(dispatch + "/solution", Map.of("items", List.of(Map.of("kind", "APOLOGY", "description", "店长致歉")),
                "onSiteWorkNeeded", false, "preventiveMeasures", List.of("每周服务礼仪培训")), handler), "solution");
        ok(gateway.post("/api/v1/complaints/" + number + "/solution/reject", Map.of("verify", verify,
                "reason", "只道歉不够,要求商场出面说明"), channel), "rejection (appeal)");
        ok(gateway.post(dispatch + "/solution", Map.of("items", List.of(Map.of("kind", "EXPLANATION",
                "description", "部门经理当面说明处理结果"), Map.of("kind", "APOLOGY", "description", "部门经理致歉")),
                "onSiteWorkNeeded", false), manager), "the manager's solution");
        ok(gateway.post("/api/v1/complaints/" + number + "/solution/accept", Map.of("verify", verify, "note", "接受"), channel),
                "acceptance");
        ok(gateway.post(dispatch + "/resolution", Map.of("summary", "部门经理已当面说明并致歉", "apology", "非常抱歉",
                "improvements", "店员服务培训"), handler), "resolution");
        // followup learns of the resolution from Kafka: the revisit can be answered once it has
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Gateway.Reply answered;
        do {
            answered = gateway.post("/api/v1/complaints/" + number + "/revisit", Map.of("verify", verify,
                    "satisfaction", 5, "comment", "满意"), channel);
            if (answered.status() == 200) {
                break;
            }
            pause();
        } while (System.nanoTime() < deadline);
        assertThat(answered.status()).as("revisit answer: %s", answered).isEqualTo(200);
        assertThat(answered.json().path("status").asString()).as("revisit answer: %s", answered).isEqualTo("CLOSED");
    }

    private static JsonNode ok(Gateway.Reply reply, String step) {
        assertThat(reply.status()).as("%s: %s", step, reply).isBetween(200, 201);
        return reply.json();
    }

    /** {@code base} with {@code more} added. */
    private static Map<String, Long> with(Map<String, Long> base, Map<String, Long> more) {
        Map<String, Long> out = new TreeMap<>(base);
        more.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** SPEC §5 rates of the totals: numerator and denominator each the baseline's count plus the expected change. */
    private static void checkRates(JsonNode before, JsonNode after, Map<String, Long> change, List<String> out) {
        String[][] rates = {{"handlingRate", "resolved", "accepted"}, {"timelinessRate", "resolvedOnTime", "resolved"},
                {"revisitRate", "revisited", "resolved"}, {"revisitOnTimeRate", "revisitedOnTime", "revisited"},
                {"satisfactionRate", "satisfied", "revisitReached"}, {"reopenRate", "reopened", "resolved"}};
        for (String[] r : rates) {
            long num = before.path("counts").path(r[1]).asLong(0) + change.getOrDefault(r[1], 0L);
            long den = before.path("counts").path(r[2]).asLong(0) + change.getOrDefault(r[2], 0L);
            double expected = Math.round(num * 10000.0 / den) / 10000.0;
            double actual = after.path("rates").path(r[0]).asDouble(-1);
            if (Math.abs(actual - expected) > 1e-9) {
                out.add("totals " + r[0] + ": " + actual + ", expected " + num + "/" + den + " = " + expected);
            }
        }
    }

    private static Map<String, JsonNode> readAll(Gateway gateway, Map<String, String> staff, String range) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String by : BREAKDOWNS) {
            out.put(by, statistics(gateway, staff, "/api/v1/statistics?" + range + "&by=" + by));
        }
        return out;
    }

    private static JsonNode statistics(Gateway gateway, Map<String, String> staff, String path) {
        Gateway.Reply reply = gateway.get(path, staff);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        return reply.json();
    }

    /** The figures of one group, or an empty object when the breakdown has no such group (yet). */
    private static JsonNode group(JsonNode statistics, String key) {
        for (JsonNode g : statistics.path("groups")) {
            if (key.equals(g.path("key").asString())) {
                return g.path("figures");
            }
        }
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    /** Each counted figure must have grown by exactly the expected amount (zero when not named). */
    private static void compare(String where, JsonNode before, JsonNode after, Map<String, Long> expected, List<String> out) {
        for (String figure : COUNTED) {
            long change = after.path("counts").path(figure).asLong(0) - before.path("counts").path(figure).asLong(0);
            long want = expected.getOrDefault(figure, 0L);
            if (change != want) {
                out.add(where + " " + figure + ": +" + change + ", expected +" + want);
            }
        }
    }

    private static List<String> listed(Gateway gateway, Map<String, String> staff, String query,
                                       java.util.Collection<String> mine) {
        Gateway.Reply reply = gateway.get("/api/v1/ledger?size=200&" + query, staff);
        assertThat(reply.status()).as("ledger list %s: %s", query, reply).isEqualTo(200);
        List<String> out = new ArrayList<>();
        reply.json().path("items").forEach(i -> {
            String n = i.path("complaintNumber").asString();
            if (mine.contains(n)) {
                out.add(n);
            }
        });
        return out;
    }

    private static JsonNode awaitLedger(Gateway gateway, Map<String, String> staff, String number,
                                        java.util.function.Predicate<JsonNode> done, RunningSystem system) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Gateway.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = gateway.get("/api/v1/ledger/" + number, staff);
            if (last.status() == 200 && done.test(last.json())) {
                return last.json();
            }
            pause();
        }
        Map<String, String> dead = system.deadServices();
        throw new AssertionError("the ledger entry of " + number + " did not reach the expected state within " + TIMEOUT
                + "; last answer: " + last + (dead.isEmpty() ? "" : "; services that died: " + dead));
    }

    private static String orUnknown(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asString().isBlank() ? UNKNOWN : value.asString();
    }

    private static String last4(String phone) {
        return phone.substring(phone.length() - 4);
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
