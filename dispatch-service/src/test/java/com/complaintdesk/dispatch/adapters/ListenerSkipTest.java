package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.SlaEvents.SlaWarning;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.kafka.LifecycleListeners;
import com.complaintdesk.dispatch.adapters.kafka.WebhookFeedListener;
import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.application.WebhookService;
import com.complaintdesk.dispatch.support.Events;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Dispatch's listeners skip the events they do not act on by type alone: from the record's type header (the value is
 * then not read at all: a value that could not be decoded passes), or, for a record written before the header existed,
 * from the envelope. What they act on is decoded and handled with or without the header, and an unreadable record or
 * an unknown type still fails as poison (the dead-letter topic).
 */
class ListenerSkipTest {

    static final String N = "C-20261130-000001";
    static final String NOT_JSON = "not json at all: never parsed";

    final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    final HandlingService handling = mock(HandlingService.class);
    final WebhookService webhooks = mock(WebhookService.class);
    final LifecycleListeners lifecycle = new LifecycleListeners(handling, codec);
    final WebhookFeedListener feed = new WebhookFeedListener(webhooks, codec);

    static ConsumerRecord<String, String> record(String topic, String value, String typeHeader) {
        return TypedRecords.record(topic, N, value, typeHeader);
    }

    String json(ComplaintEvent payload) {
        return codec.encode(EventEnvelope.of(payload, N, Instant.parse("2026-11-30T02:00:00Z"), "c", "test"));
    }

    static ComplaintDispatched dispatched() {
        return new ComplaintDispatched("OPERATIONS", "ops-h1", null, "PRODUCT_QUALITY", Severity.GENERAL, false, false,
                false, "routing rule 10", ComplaintDispatched.Kind.ROUTED, 1);
    }

    @Test
    void ignored_types_named_by_the_header_are_skipped_without_reading_the_value() {
        lifecycle.onSla(record(Topics.SLA, NOT_JSON, "SlaWarning"));
        lifecycle.onIntake(record(Topics.INTAKE, NOT_JSON, "EvidenceAdded"));
        lifecycle.onTriage(record(Topics.TRIAGE, NOT_JSON, "ComplaintAccepted"));
        lifecycle.onFollowup(record(Topics.FOLLOWUP, NOT_JSON, "RevisitDue"));
        feed.on(record(Topics.DISPATCH, NOT_JSON, "StaffNotified"));
        verifyNoInteractions(handling, webhooks);
    }

    @Test
    void ignored_types_in_records_without_the_header_are_skipped_too() {
        lifecycle.onSla(record(Topics.SLA, json(new SlaWarning("RESOLUTION", Instant.parse("2026-12-01T01:00:00Z"), 80)), null));
        feed.on(record(Topics.DISPATCH, json(new ComplaintResolved("fixed", null, null, "ops-h1", "OPERATIONS", "ops-h1")), null));
        verifyNoInteractions(handling, webhooks);
    }

    @Test
    void handled_types_are_decoded_and_handled_with_or_without_the_header() {
        String escalated = json(new SlaEscalated("RESOLUTION", EscalationLevel.DEPARTMENT_MANAGER, "DEPARTMENT_MANAGER", null));
        lifecycle.onSla(record(Topics.SLA, escalated, null));
        lifecycle.onSla(record(Topics.SLA, escalated, "SlaEscalated"));
        var slaEvents = ArgumentCaptor.forClass(SlaEscalated.class);
        verify(handling, org.mockito.Mockito.times(2)).onEscalated(any(), slaEvents.capture());
        assertThat(slaEvents.getAllValues()).extracting(SlaEscalated::level).containsOnly(EscalationLevel.DEPARTMENT_MANAGER);

        String received = json(Events.received(N, "柜台排队一个小时没人管"));
        lifecycle.onIntake(record(Topics.INTAKE, received, "ComplaintReceived"));
        var receivedEvents = ArgumentCaptor.forClass(com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived.class);
        verify(handling).onReceived(any(), receivedEvents.capture());
        assertThat(receivedEvents.getValue().content()).isEqualTo("柜台排队一个小时没人管");

        String dispatched = json(dispatched());
        feed.on(record(Topics.DISPATCH, dispatched, "ComplaintDispatched"));
        feed.on(record(Topics.DISPATCH, dispatched, null));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<EventEnvelope<ComplaintEvent>> envelopes = ArgumentCaptor.forClass((Class) EventEnvelope.class);
        verify(webhooks, org.mockito.Mockito.times(2)).onDispatchEvent(envelopes.capture(), anyString());
        assertThat(envelopes.getAllValues()).extracting(EventEnvelope::payload).containsOnly(dispatched());
    }

    @Test
    void unreadable_records_and_unknown_types_still_go_to_the_dead_letter_topic() {
        assertThatThrownBy(() -> lifecycle.onSla(record(Topics.SLA, "not json", null))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> lifecycle.onIntake(record(Topics.INTAKE, NOT_JSON, "SomethingNew")))
                .isInstanceOf(PoisonEventException.class);
        // the header names a type acted on, but the value cannot be read
        assertThatThrownBy(() -> feed.on(record(Topics.DISPATCH, NOT_JSON, "ComplaintDispatched")))
                .isInstanceOf(PoisonEventException.class);
        verifyNoInteractions(handling, webhooks);
    }
}
