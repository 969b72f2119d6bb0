package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    // a strict application mapper, as the services configure for HTTP bodies
    final EventCodec codec = new EventCodec(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    @Test
    void an_envelope_survives_the_round_trip() {
        var env = EventEnvelope.of(new ComplaintUrged(2, "催一下"), "C-20261128-000001", Instant.parse("2026-11-28T01:00:00Z"), "c1", "intake-service");

        var back = codec.decode(codec.encode(env));

        assertThat(back).isEqualTo(env);
    }

    @Test
    void an_event_from_a_newer_producer_with_extra_fields_is_still_read() {
        String newer = """
                {"eventId":"7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00","type":"ComplaintUrged","schemaVersion":1,
                 "occurredAt":"2026-11-28T01:00:00Z","complaintId":"C-20261128-000001","correlationId":"c","producer":"p",
                 "traceParent":"00-abc","payload":{"urgeCount":3,"message":"m","channel":"APP"}}""";

        var env = codec.decode(newer);

        assertThat(((ComplaintUrged) env.payload()).urgeCount()).isEqualTo(3);
    }

    @Test
    void unreadable_records_are_poison_not_retried() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"NoSuchEvent\",\"payload\":{}}")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ComplaintUrged\",\"eventId\":\"x\",\"payload\":{}}"))
                .isInstanceOf(PoisonEventException.class);
    }
}
