package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.SlaEvents.SlaWarning;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintRejected;
import com.complaintdesk.followup.adapters.kafka.LifecycleListener;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.PoisonEventException;
import com.complaintdesk.testsupport.TypedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Follow-up's listener reads four topics and acts on eight event types; the rest (urges, evidence, SLA warnings, the
 * handling workflow's steps) is skipped on the record's type header without reading the value, or, for a record
 * written before the header existed, on the envelope's type. What it acts on still reaches the service decoded, and an
 * unreadable record of a type it acts on, or of no known type, is still poison for the dead-letter topic.
 */
class ListenerSkipTest {

    static final String N = "C-20261130-000009";
    static final String NOT_JSON = "not json at all: reading it would fail";

    final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    final FollowupService followup = mock(FollowupService.class);
    final LifecycleListener listener = new LifecycleListener(followup, codec);

    static ConsumerRecord<String, String> record(String topic, String value, String typeHeader) {
        return TypedRecords.record(topic, N, value, typeHeader);
    }

    String json(ComplaintEvent payload) {
        return codec.encode(EventEnvelope.of(payload, N, Instant.parse("2026-11-30T02:00:00Z"), "c", "test"));
    }

    @Test
    void a_type_it_does_not_act_on_is_skipped_on_the_header_without_reading_the_value() {
        // decoding these values would throw PoisonEventException: returning normally shows they were not read
        listener.on(record(Topics.SLA, NOT_JSON, "SlaWarning"));
        listener.on(record(Topics.INTAKE, NOT_JSON, "ComplaintUrged"));
        listener.on(record(Topics.DISPATCH, NOT_JSON, "InvestigationRecorded"));
        verifyNoInteractions(followup);
    }

    @Test
    void a_record_without_the_header_is_judged_by_its_envelope() {
        listener.on(record(Topics.SLA, json(new SlaWarning("RESOLUTION", Instant.parse("2026-12-01T01:00:00Z"), 80)), null));
        listener.on(record(Topics.INTAKE, json(new ComplaintUrged(2, "快点")), null));
        verifyNoInteractions(followup);

        var rejected = new ComplaintRejected("OUT_OF_SCOPE", "不在受理范围", "triage-officer-1");
        listener.on(record(Topics.TRIAGE, json(rejected), null));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<EventEnvelope<ComplaintEvent>> applied = ArgumentCaptor.forClass(EventEnvelope.class);
        verify(followup).apply(applied.capture());
        assertThat(applied.getValue().payload()).isEqualTo(rejected);
    }

    @Test
    void what_it_acts_on_is_decoded_with_the_header_and_unreadable_records_stay_poison() {
        var rejected = new ComplaintRejected("OUT_OF_SCOPE", "不在受理范围", "triage-officer-1");
        listener.on(record(Topics.TRIAGE, json(rejected), "ComplaintRejected"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<EventEnvelope<ComplaintEvent>> applied = ArgumentCaptor.forClass(EventEnvelope.class);
        verify(followup).apply(applied.capture());
        assertThat(applied.getValue().payload()).isEqualTo(rejected);

        assertThatThrownBy(() -> listener.on(record(Topics.TRIAGE, NOT_JSON, "ComplaintRejected")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(Topics.TRIAGE, NOT_JSON, "NoSuchEventType")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(Topics.TRIAGE, NOT_JSON, null)))
                .isInstanceOf(PoisonEventException.class);
    }
}
