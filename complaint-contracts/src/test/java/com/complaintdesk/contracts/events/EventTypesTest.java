package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void every_payload_type_has_a_unique_wire_name_that_maps_back() {
        assertThat(EventTypes.all()).containsKeys("ComplaintReceived", "ComplaintTriaged", "ComplaintDispatched",
                "ComplaintResolved", "RevisitDue", "ComplaintReopened", "ComplaintClosed", "SlaBreached", "SlaEscalated");
        EventTypes.all().forEach((name, type) -> assertThat(EventTypes.nameOf(type)).isEqualTo(name));
        assertThat(EventTypes.classOf("NoSuchEvent")).isEmpty();
    }

    @Test
    void an_envelope_is_plain_json_that_a_non_java_client_can_read() {
        var triaged = new ComplaintTriaged("PRODUCT_QUALITY", Severity.MAJOR, Liability.LIABLE,
                Set.of(Flag.MEDIA), List.of("MEDIA: 记者"), null, "3F");
        var env = EventEnvelope.of(triaged, "C-20261128-000001", Instant.parse("2026-11-28T06:00:00Z"), "corr-1", "triage-service");

        JsonNode tree = json.readTree(json.writeValueAsString(env));

        assertThat(tree.get("type").asString()).isEqualTo("ComplaintTriaged");
        assertThat(tree.get("complaintId").asString()).isEqualTo("C-20261128-000001");
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("payload").get("severity").asString()).isEqualTo("MAJOR");
        ComplaintTriaged back = json.treeToValue(tree.get("payload"), ComplaintTriaged.class);
        assertThat(back).isEqualTo(triaged);
    }

    @Test
    void department_topics_are_safe_kafka_names() {
        assertThat(Topics.departmentTopic("ENGINEERING")).isEqualTo("complaints.dispatch.dept.engineering");
        assertThat(Topics.departmentTopic("HR dept")).isEqualTo("complaints.dispatch.dept.hr-dept");
        assertThat(new ComplaintUrged(2, "x").schemaVersion()).isEqualTo(1);
    }
}
