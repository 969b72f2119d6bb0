package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.domain.model.TriageStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The triage HTTP API: preview (SPEC §9), rules as data, officers' decisions and corrections, errors. */
class TriageApiTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    JsonNode body(java.net.http.HttpResponse<String> r) {
        return json.readTree(r.body());
    }

    @Test
    void preview_returns_the_spec_shape_with_reasons_for_a_channel_client() throws Exception {
        var r = http.post("/api/v1/triage/preview", """
                {"content":"本人已委托律师,就贵司销售的问题燃气灶造成厨房起火一事追究法律责任,要求赔偿损失三万元。",
                 "complainantType":"CONSUMER","channel":"LETTER","claimedAmount":null}""", CHANNEL);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.get("category").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(b.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(b.get("liability").isString()).isTrue();
        assertThat(json.convertValue(b.get("flags"), List.class))
                .containsExactlyInAnyOrder("LAWYER", "LITIGATION", "LARGE_COMPENSATION", "MAJOR_LOSS");
        assertThat(b.get("reasons").toString()).contains("律师").contains("三万元");
        assertThat(b.get("amount").decimalValue()).isEqualByComparingTo("30000");
    }

    @Test
    void preview_shows_the_acceptance_reason_in_chinese_and_english_apart_and_together() throws Exception {
        JsonNode a = body(http.post("/api/v1/triage/preview",
                "{\"content\":\"我在商场里手机被偷了\",\"complainantType\":\"CONSUMER\",\"channel\":\"WALK_IN\"}", CHANNEL))
                .get("acceptance");
        assertThat(a.get("outcome").asString()).isEqualTo("TRANSFER");
        assertThat(a.get("reasonCode").asString()).isEqualTo("POLICE_MATTER");
        assertThat(a.get("reasonZh").asString()).contains("公安机关");
        assertThat(a.get("reasonEn").asString()).contains("police");
        assertThat(a.get("reason").asString()).isEqualTo(a.get("reasonZh").asString() + " / " + a.get("reasonEn").asString());
    }

    @Test
    void preview_reads_traditional_characters_full_width_digits_and_an_amount_object() throws Exception {
        var r = http.post("/api/v1/triage/preview", """
                {"content":"買的羽絨服洗一次就跑絨,商家不給退,我要發到抖音上!要求賠償１２０００元","complainantType":"CONSUMER",
                 "channel":"PHONE","claimedAmount":{"amount":500,"currency":"CNY"}}""", OFFICER);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = body(r);
        assertThat(b.get("category").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(b.get("flags").toString()).contains("MEDIA").contains("LARGE_COMPENSATION");
    }

    @Test
    void preview_of_blank_oversize_or_malformed_input_is_a_problem_with_the_field_never_a_500() throws Exception {
        var blank = http.post("/api/v1/triage/preview", "{\"content\":\"   \\n\\t \"}", CHANNEL);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(body(blank).get("errors").get(0).get("field").asString()).isEqualTo("content");

        var tooLong = http.post("/api/v1/triage/preview", "{\"content\":\"" + "投".repeat(100_001) + "\"}", CHANNEL);
        assertThat(tooLong.statusCode()).isEqualTo(400);

        var badEnum = http.post("/api/v1/triage/preview", "{\"content\":\"态度差\",\"complainantType\":\"ALIEN\"}", CHANNEL);
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(body(badEnum).get("errors").get(0).get("field").asString()).isEqualTo("complainantType");

        var badAmount = http.post("/api/v1/triage/preview", "{\"content\":\"态度差\",\"claimedAmount\":\"lots\"}", CHANNEL);
        assertThat(badAmount.statusCode()).isEqualTo(400);
        assertThat(body(badAmount).get("errors").get(0).get("field").asString()).isEqualTo("claimedAmount");

        var malformed = http.post("/api/v1/triage/preview", "{\"content\":", CHANNEL);
        assertThat(malformed.statusCode()).isEqualTo(400);

        var anonymous = http.post("/api/v1/triage/preview", "{\"content\":\"态度差\"}", Caller.NOBODY);
        assertThat(anonymous.statusCode()).isEqualTo(403);
    }

    @Test
    void a_100k_text_with_control_characters_emoji_and_mixed_scripts_is_classified_quickly() throws Exception {
        String noisy = "收银员态度恶劣😡\u0000\u0007 rude staff!!! ".repeat(4_000).substring(0, 100_000);
        long start = System.nanoTime();
        var r = http.post("/api/v1/triage/preview", json.writeValueAsString(java.util.Map.of("content", noisy)), CHANNEL);
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body(r).get("category").asString()).isEqualTo("SERVICE_ATTITUDE");
        assertThat(body(r).get("truncated").asBoolean()).isTrue();
        assertThat(ms).isLessThan(5_000);
    }

    @Test
    void preview_of_emoji_or_control_characters_only_says_the_complaint_has_no_content_and_mixed_scripts_are_read() throws Exception {
        for (String nothing : List.of("😡😡👎🙄", "\u0000\u0007\u001b", "!!!。。。😡")) {
            var r = http.post("/api/v1/triage/preview", json.writeValueAsString(java.util.Map.of("content", nothing)), CHANNEL);
            assertThat(r.statusCode()).as(nothing).isEqualTo(200);
            JsonNode a = body(r).get("acceptance");
            assertThat(a.get("outcome").asString()).isEqualTo("REJECT");
            assertThat(a.get("reasonCode").asString()).isEqualTo("EMPTY_CONTENT");
            assertThat(a.get("reasonEn").asString()).contains("no content");
        }
        var mixed = body(http.post("/api/v1/triage/preview", json.writeValueAsString(java.util.Map.of("content",
                "店員態度超差😡!!ｒｕｄｅ staff at 3Ｆ, она кричала на меня, 고객 무시")), CHANNEL));
        assertThat(mixed.get("category").asString()).isEqualTo("SERVICE_ATTITUDE");
        assertThat(mixed.get("acceptance").get("outcome").asString()).isEqualTo("ACCEPT");
    }

    @Test
    void rules_are_changed_audited_and_rolled_back_without_a_restart() throws Exception {
        String text = "{\"content\":\"我已经在黑猫投诉平台发帖了\",\"complainantType\":\"CONSUMER\"}";
        assertThat(body(http.post("/api/v1/triage/preview", text, CHANNEL)).get("flags").toString()).doesNotContain("MEDIA");
        var before = http.get("/api/v1/triage/rules", OFFICER);
        long startVersion = Long.parseLong(before.headers().firstValue("X-Rules-Version").orElseThrow());

        ObjectNode rules = (ObjectNode) body(before);
        for (JsonNode f : rules.get("flags")) {
            if (f.path("id").asString().equals("media-words")) {
                ((ArrayNode) f.get("terms")).add("黑猫投诉");
            }
        }
        ObjectNode change = json.createObjectNode();
        change.set("rules", rules);
        change.put("comment", "complaint platforms are media exposure");
        var changed = http.put("/api/v1/triage/rules", json.writeValueAsString(change), OFFICER);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(body(changed).get("version").asLong()).isEqualTo(startVersion + 1);

        assertThat(body(http.post("/api/v1/triage/preview", text, CHANNEL)).get("flags").toString()).contains("MEDIA");
        var history = body(http.get("/api/v1/triage/rules/versions", OFFICER));
        assertThat(history.get(0).get("by").asString()).isEqualTo("officer-1");
        assertThat(history.get(0).get("comment").asString()).isEqualTo("complaint platforms are media exposure");
        assertThat(history.get(0).get("active").asBoolean()).isTrue();

        var rolledBack = http.post("/api/v1/triage/rules/rollback",
                "{\"version\":" + startVersion + ",\"comment\":\"too broad\"}", SUPERVISOR);
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        assertThat(body(rolledBack).get("action").asString()).isEqualTo("ROLLBACK");
        assertThat(body(rolledBack).get("rolledBackTo").asLong()).isEqualTo(startVersion);
        assertThat(body(http.post("/api/v1/triage/preview", text, CHANNEL)).get("flags").toString()).doesNotContain("MEDIA");
    }

    @Test
    void unusable_rules_are_refused_field_by_field_and_nothing_changes() throws Exception {
        var before = http.get("/api/v1/triage/rules", OFFICER);
        String version = before.headers().firstValue("X-Rules-Version").orElseThrow();
        ObjectNode rules = (ObjectNode) body(before);
        rules.put("fallbackCategory", "NOT_A_CATEGORY");
        ((ObjectNode) rules.get("flags").get(1)).putArray("terms").add("re:(unclosed");
        ObjectNode change = json.createObjectNode();
        change.set("rules", rules);
        change.put("comment", "broken");

        var r = http.put("/api/v1/triage/rules", json.writeValueAsString(change), OFFICER);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r).get("errors").toString()).contains("fallbackCategory").contains("flags[1].terms");
        assertThat(http.get("/api/v1/triage/rules", OFFICER).headers().firstValue("X-Rules-Version")).hasValue(version);
        assertThat(http.put("/api/v1/triage/rules", json.writeValueAsString(change), new Caller("h1", "HANDLER", null)).statusCode()).isEqualTo(403);
    }

    @Test
    void an_undecidable_complaint_is_escalated_and_only_the_superior_decides_once() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, "请问你们商场几点关门?", ComplainantType.CONSUMER, "k-" + number, null, null, List.of(), 0));
            await().atMost(WAIT).until(() -> mongo.findById(number, TriageCaseDocument.class) != null);
            assertThat(mongo.findById(number, TriageCaseDocument.class).status).isEqualTo(TriageStatus.PENDING_REVIEW);
            var queue = body(http.get("/api/v1/triage/complaints?status=PENDING_REVIEW", OFFICER));
            assertThat(queue.toString()).contains(number);

            var esc = http.post("/api/v1/triage/complaints/" + number + "/escalation", "{\"to\":\"supervisor-1\",\"note\":\"consultation?\"}", OFFICER);
            assertThat(esc.statusCode()).isEqualTo(200);
            assertThat(payload(probe.await(EventProbe.ofType(number, "AcceptanceEscalated"), 1, WAIT).get(0))
                    .get("escalatedTo").asString()).isEqualTo("supervisor-1");

            var byOfficer = http.post("/api/v1/triage/complaints/" + number + "/decision", "{\"decision\":\"ACCEPT\"}", OFFICER);
            assertThat(byOfficer.statusCode()).isEqualTo(403);

            var noReason = http.post("/api/v1/triage/complaints/" + number + "/decision", "{\"decision\":\"REJECT\"}", SUPERVISOR);
            assertThat(noReason.statusCode()).isEqualTo(400);

            var rejected = http.post("/api/v1/triage/complaints/" + number + "/decision",
                    "{\"decision\":\"REJECT\",\"reason\":\"这是咨询,不是投诉 / This is a question, not a complaint\"}", SUPERVISOR);
            assertThat(rejected.statusCode()).isEqualTo(200);
            var event = payload(probe.await(EventProbe.ofType(number, "ComplaintRejected"), 1, WAIT).get(0));
            assertThat(event.get("reason").asString()).contains("not a complaint");
            assertThat(event.get("decidedBy").asString()).isEqualTo("supervisor-1");

            var again = http.post("/api/v1/triage/complaints/" + number + "/decision",
                    "{\"decision\":\"ACCEPT\"}", SUPERVISOR);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(body(again).get("currentStatus").asString()).isEqualTo("REJECTED");
        }
    }

    @Test
    void an_officer_correction_is_published_kept_as_an_example_and_counted_in_the_accuracy_figures() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, "导购员说话很难听。", ComplainantType.CONSUMER, "k-" + number, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);

            var r = http.post("/api/v1/triage/complaints/" + number + "/corrections",
                    "{\"category\":\"STAFF_CONDUCT\",\"flags\":[\"EXTREME_BEHAVIOUR\"],\"reason\":\"the guide threatened the customer\"}", OFFICER);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(body(r).get("classification").get("severity").asString()).isEqualTo("MAJOR");
            assertThat(body(r).get("byRules").get("category").asString()).isEqualTo("SERVICE_ATTITUDE");

            var re = payload(probe.await(EventProbe.ofType(number, "ComplaintReclassified"), 1, WAIT).get(0));
            assertThat(re.get("category").asString()).isEqualTo("STAFF_CONDUCT");
            assertThat(re.get("severity").asString()).isEqualTo("MAJOR");
            assertThat(re.get("correctedBy").asString()).isEqualTo("officer-1");

            var accuracy = body(http.get("/api/v1/triage/accuracy", OFFICER));
            assertThat(accuracy.at("/devSet/examples").asInt()).isEqualTo(32);
            assertThat(accuracy.at("/devSet/categoryAccuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
            assertThat(accuracy.at("/officerAgreement/corrected").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(accuracy.at("/corrections/examples").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(body(http.get("/api/v1/triage/examples?source=correction", OFFICER)).toString()).contains("STAFF_CONDUCT");

            var badCategory = http.post("/api/v1/triage/complaints/" + number + "/corrections",
                    "{\"category\":\"NOPE\",\"reason\":\"x\"}", OFFICER);
            assertThat(badCategory.statusCode()).isEqualTo(400);
            var unknown = http.post("/api/v1/triage/complaints/C-20990101-000001/corrections", "{\"reason\":\"x\"}", OFFICER);
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_acceptance_scope_is_data_changed_and_rolled_back_through_the_api() throws Exception {
        String text = "{\"content\":\"你们商场的彩票店中奖不兑奖\",\"complainantType\":\"CONSUMER\"}";
        assertThat(body(http.post("/api/v1/triage/preview", text, CHANNEL)).at("/acceptance/outcome").asString()).isEqualTo("ACCEPT");
        var before = http.get("/api/v1/triage/acceptance-scope", OFFICER);
        long startVersion = Long.parseLong(before.headers().firstValue("X-Rules-Version").orElseThrow());
        ObjectNode scope = (ObjectNode) body(before);
        ObjectNode rule = ((ArrayNode) scope.get("rules")).insertObject(0);
        rule.put("id", "lottery");
        rule.put("outcome", "TRANSFER");
        rule.put("transferTo", "福彩中心 Welfare Lottery Centre");
        rule.putArray("terms").add("彩票");
        rule.putObject("reason").put("code", "LOTTERY").put("zh", "彩票兑奖由福彩中心处理。").put("en", "Lottery prizes are handled by the lottery centre.");
        ObjectNode change = json.createObjectNode();
        change.set("rules", scope);
        change.put("comment", "lottery disputes go to the lottery centre");

        var changed = http.put("/api/v1/triage/acceptance-scope", json.writeValueAsString(change), SUPERVISOR);

        assertThat(changed.statusCode()).isEqualTo(200);
        var preview = body(http.post("/api/v1/triage/preview", text, CHANNEL));
        assertThat(preview.at("/acceptance/outcome").asString()).isEqualTo("TRANSFER");
        assertThat(preview.at("/acceptance/reason").asString()).contains("lottery centre");
        assertThat(body(http.get("/api/v1/triage/acceptance-scope/versions", OFFICER)).get(0).get("by").asString()).isEqualTo("supervisor-1");

        ObjectNode noReason = (ObjectNode) body(http.get("/api/v1/triage/acceptance-scope", OFFICER));
        ((ObjectNode) noReason.get("rules").get(0)).remove("reason");
        ObjectNode bad = json.createObjectNode();
        bad.set("rules", noReason);
        bad.put("comment", "oops");
        var refused = http.put("/api/v1/triage/acceptance-scope", json.writeValueAsString(bad), SUPERVISOR);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").toString()).contains("rules[0].reason");

        assertThat(http.post("/api/v1/triage/acceptance-scope/rollback", "{\"version\":" + startVersion + ",\"comment\":\"undo\"}",
                SUPERVISOR).statusCode()).isEqualTo(200);
        assertThat(body(http.post("/api/v1/triage/preview", text, CHANNEL)).at("/acceptance/outcome").asString()).isEqualTo("ACCEPT");
        assertThat(http.post("/api/v1/triage/acceptance-scope/rollback", "{\"version\":9999,\"comment\":\"x\"}",
                SUPERVISOR).statusCode()).isEqualTo(404);
    }

    @Test
    void an_officer_takes_a_waiting_complaint_and_a_workplace_text_is_shown_to_hr_only() throws Exception {
        String question = newNumber();
        String workplace = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(question, received(question, "想问一下你们明天几点开门?", ComplainantType.CONSUMER, "k-" + question, null, null, List.of(), 0));
            publish(workplace, received(workplace, "主管排班一直针对我,还威胁扣我绩效。", ComplainantType.EMPLOYEE, "k-" + workplace, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(workplace, "ComplaintTriaged"), 1, WAIT);
            await().atMost(WAIT).until(() -> mongo.findById(question, TriageCaseDocument.class) != null);

            var taken = http.post("/api/v1/triage/complaints/" + question + "/take", "", OFFICER);
            assertThat(taken.statusCode()).isEqualTo(200);
            assertThat(body(taken).get("assignedOfficer").asString()).isEqualTo("officer-1");
            var other = http.post("/api/v1/triage/complaints/" + question + "/take", "",
                    new Caller("officer-2", "TRIAGE_OFFICER", null));
            assertThat(other.statusCode()).isEqualTo(409);

            assertThat(body(http.get("/api/v1/triage/complaints/" + workplace, OFFICER)).get("content").asString()).contains("HR only");
            assertThat(body(http.get("/api/v1/triage/complaints/" + workplace, new Caller("hr-1", "DEPARTMENT_MANAGER", "HR"))).get("content").asString()).contains("排班");
        }
    }
}
