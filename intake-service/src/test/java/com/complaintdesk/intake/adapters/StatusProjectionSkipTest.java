package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted;
import com.complaintdesk.contracts.events.SlaEvents.SlaWarning;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.adapters.kafka.StatusProjectionListener;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.PoisonEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The status projection skips an event the complainant does not see on its type alone: from the record's type header
 * (the value is then not even read), or, for a record written before the header existed, from the envelope.
 */
class StatusProjectionSkipTest {

    final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    final IntakeService intake = mock(IntakeService.class);
    final StatusProjectionListener listener = new StatusProjectionListener(intake, codec);

    private ConsumerRecord<String, String> record(String value, String typeHeader) {
        var r = new ConsumerRecord<>(Topics.SLA, 0, 0L, "C-20261128-000001", value);
        if (typeHeader != null) {
            r.headers().add(new RecordHeader(EventCodec.TYPE_HEADER, typeHeader.getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }

    private String json(Object payload) {
        return codec.encode(EventEnvelope.of((com.complaintdesk.contracts.events.ComplaintEvent) payload,
                "C-20261128-000001", Instant.parse("2026-11-28T01:00:00Z"), "c", "sla-service"));
    }

    @Test
    void an_ignored_type_named_by_the_header_is_skipped_without_reading_the_value() {
        listener.on(record("not json at all: never parsed", "SlaWarning"));
        verify(intake, never()).project(any());
    }

    @Test
    void an_ignored_type_in_a_record_without_the_header_is_skipped_too() {
        listener.on(record(json(new SlaWarning("RESOLUTION", Instant.parse("2026-11-30T01:00:00Z"), 80)), null));
        verify(intake, never()).project(any());
    }

    @Test
    void a_visible_type_is_decoded_and_projected_with_or_without_the_header() {
        String started = json(new SlaClockStarted("RESOLUTION", Instant.parse("2026-11-28T01:00:00Z"), Instant.parse("2026-12-05T01:00:00Z")));
        listener.on(record(started, null));
        listener.on(record(started, "SlaClockStarted"));
        verify(intake, org.mockito.Mockito.times(2)).project(any());
    }

    @Test
    void an_unreadable_record_without_a_header_still_goes_to_the_dead_letter_topic() {
        assertThatThrownBy(() -> listener.on(record("not json", null))).isInstanceOf(PoisonEventException.class);
        verify(intake, never()).project(any());
    }
}
