package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.Eventually;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerFlowTest extends ReportingIntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_dispatched_complaint_shows_in_the_ledger_in_the_shape_of_spec_9_with_personal_data_masked() {
        var story = new ComplaintStory(uniqueNumber("flow"), Instant.parse("2026-11-27T01:00:00Z"))
                .received(Channel.PHONE, ComplainantType.CONSUMER).accepted()
                .triaged("PRODUCT_QUALITY", Severity.GENERAL).dispatched("ENGINEERING", "eng-li")
                .resolutionClock(Duration.ofDays(2));
        publish(story);

        JsonNode entry = awaitEntry(story.number(), e -> e.path("status").asString().equals("DISPATCHED")
                && e.path("deadlines").has("RESOLUTION"));

        assertThat(entry.path("category").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(entry.path("severity").asString()).isEqualTo("GENERAL");
        assertThat(entry.path("department").asString()).isEqualTo("ENGINEERING");
        assertThat(entry.path("handler").asString()).isEqualTo("eng-li");
        assertThat(entry.path("flags").isArray()).isTrue();
        assertThat(entry.path("deadlines").path("RESOLUTION").path("dueAt").asString()).isEqualTo("2026-11-29T01:04:00Z");
        List<String> types = new ArrayList<>();
        entry.path("timeline").forEach(t -> {
            types.add(t.path("type").asString());
            assertThat(t.path("occurredAt").asString()).isNotBlank();
        });
        assertThat(types).containsExactly("ComplaintReceived", "ComplaintAccepted", "ComplaintTriaged",
                "ComplaintDispatched", "SlaClockStarted");
        assertThat(entry.path("complainant").path("name").asString()).isEqualTo("张*");
        assertThat(entry.path("complainant").path("phone").asString()).isEqualTo("138****8000");
        assertThat(entry.toString()).doesNotContain("13800138000").doesNotContain("张三").doesNotContain("zs@example.com");
    }

    @Test
    void events_arriving_out_of_order_across_topics_and_twice_give_one_ordered_timeline() {
        var story = new ComplaintStory(uniqueNumber("order"), Instant.parse("2026-11-27T01:00:00Z"))
                .received(Channel.WEB_FORM, ComplainantType.CONSUMER).accepted()
                .triaged("SERVICE_ATTITUDE", Severity.IMPORTANT).dispatched("OPERATIONS", "ops-wang");
        var reversed = new ComplaintStory(story.number(), Instant.EPOCH);
        var backwards = new ArrayList<>(story.events());
        java.util.Collections.reverse(backwards);
        reversed.events().addAll(backwards);
        publish(reversed);
        publish(story); // a redelivery of every event

        JsonNode entry = awaitEntry(story.number(), e -> e.path("timeline").size() == 4);
        assertThat(entry.path("status").asString()).isEqualTo("DISPATCHED");
        assertThat(entry.path("timeline").get(0).path("type").asString()).isEqualTo("ComplaintReceived");
        assertThat(entry.path("timeline").get(3).path("type").asString()).isEqualTo("ComplaintDispatched");
        // nothing more arrives after a settle: still four events, not eight
        Eventually.await(Duration.ofSeconds(1), () -> { });
        assertThat(awaitEntry(story.number(), e -> true).path("timeline").size()).isEqualTo(4);
    }

    @Test
    void an_event_type_this_service_does_not_know_goes_into_the_timeline_with_its_payload() {
        var story = new ComplaintStory(uniqueNumber("unknown"), Instant.parse("2026-11-27T01:00:00Z"))
                .received(Channel.APP, ComplainantType.MERCHANT);
        publish(story);
        publishRaw(Topics.DISPATCH, story.number(), """
                {"eventId":"6f1d2c9e-0000-4000-8000-000000000001","type":"HandlerNoteAdded","schemaVersion":1,
                 "occurredAt":"2026-11-27T02:00:00Z","complaintId":"%s","correlationId":"c","producer":"dispatch-service",
                 "payload":{"note":"called back","phone":"13912345678","by.team":{"$kind":"x"}}}""".formatted(story.number()));

        JsonNode entry = awaitEntry(story.number(), e -> e.path("timeline").size() == 2);
        JsonNode unknown = entry.path("timeline").get(1);
        assertThat(unknown.path("type").asString()).isEqualTo("HandlerNoteAdded");
        assertThat(unknown.path("payload").path("note").asString()).isEqualTo("called back");
        assertThat(unknown.path("payload").path("phone").asString()).isEqualTo("139****5678");
        assertThat(unknown.path("payload").path("by_team").path("_kind").asString()).isEqualTo("x");
        assertThat(entry.path("status").asString()).isEqualTo("RECEIVED");
    }

    @Test
    void the_ledger_is_for_staff_only_and_unknown_numbers_are_404_problems() {
        assertThat(http.get("/api/v1/ledger/C-none", null).statusCode()).isEqualTo(403);
        var missing = http.get("/api/v1/ledger/C-20000101-999999", SUPERVISOR);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    JsonNode awaitEntry(String number, java.util.function.Predicate<JsonNode> ok) {
        JsonNode[] last = new JsonNode[1];
        Eventually.await(Duration.ofSeconds(30), () -> {
            var response = http.get("/api/v1/ledger/" + number, SUPERVISOR);
            assertThat(response.statusCode()).isEqualTo(200);
            last[0] = json.readTree(response.body());
            assertThat(ok.test(last[0])).as("entry %s", last[0]).isTrue();
        });
        return last[0];
    }
}
