package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.SlaEvents.SlaWarning;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.PoisonEventException;
import com.complaintdesk.triage.adapters.kafka.IntakeListener;
import com.complaintdesk.triage.adapters.kafka.LifecycleListener;
import com.complaintdesk.triage.application.TriageService;
import com.complaintdesk.testsupport.TypedRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Triage's listeners skip the events they do not act on by type alone: from the record's type header (the value is
 * then not read at all), or, for a record written before the header existed, from the envelope. What they act on is
 * decoded and handled with or without the header; an unreadable record or an unknown type still fails as poison.
 */
class ListenerSkipTest {

    static final String N = "C-20261130-000001";
    static final String NOT_JSON = "not json at all: never parsed";

    final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    final TriageService triage = mock(TriageService.class);
    final LifecycleListener lifecycle = new LifecycleListener(triage, codec);
    final IntakeListener intake = new IntakeListener(triage, codec);

    static ConsumerRecord<String, String> record(String topic, String value, String typeHeader) {
        return TypedRecords.record(topic, N, value, typeHeader);
    }

    String json(ComplaintEvent payload) {
        return codec.encode(EventEnvelope.of(payload, N, Instant.parse("2026-11-30T02:00:00Z"), "c", "test"));
    }

    @Test
    void ignored_types_named_by_the_header_are_skipped_without_reading_the_value() {
        lifecycle.onSla(record(Topics.SLA, NOT_JSON, "SlaWarning"));
        lifecycle.onLifecycle(record(Topics.DISPATCH, NOT_JSON, "ComplaintDispatched"));
        lifecycle.onLifecycle(record(Topics.FOLLOWUP, NOT_JSON, "RevisitDue"));
        intake.on(record(Topics.INTAKE, NOT_JSON, "ComplaintUrged"));
        verifyNoInteractions(triage);
    }

    @Test
    void ignored_types_in_records_without_the_header_are_skipped_too() {
        lifecycle.onSla(record(Topics.SLA, json(new SlaWarning("RESOLUTION", Instant.parse("2026-12-01T01:00:00Z"), 80)), null));
        lifecycle.onLifecycle(record(Topics.DISPATCH, json(new ComplaintDispatched("OPERATIONS", "ops-h1", null,
                "PRODUCT_QUALITY", Severity.GENERAL, false, false, false, "rule", ComplaintDispatched.Kind.ROUTED, 1)), null));
        verifyNoInteractions(triage);
    }

    @Test
    void handled_types_are_decoded_and_handled_with_or_without_the_header() {
        String upgrade = json(new SeverityUpgradeRequested(Severity.MAJOR, "one month unresolved"));
        lifecycle.onSla(record(Topics.SLA, upgrade, null));
        lifecycle.onSla(record(Topics.SLA, upgrade, "SeverityUpgradeRequested"));
        var upgrades = ArgumentCaptor.forClass(SeverityUpgradeRequested.class);
        verify(triage, times(2)).onSeverityUpgrade(any(), upgrades.capture());
        assertThat(upgrades.getAllValues()).extracting(SeverityUpgradeRequested::to).containsOnly(Severity.MAJOR);

        lifecycle.onLifecycle(record(Topics.DISPATCH, json(new ComplaintResolved("fixed", null, null, "ops-h1", "OPERATIONS", "ops-h1")),
                "ComplaintResolved"));
        lifecycle.onLifecycle(record(Topics.FOLLOWUP, json(new ComplaintClosed("done")), null));
        var why = ArgumentCaptor.forClass(String.class);
        verify(triage, times(2)).onLifecycle(any(), anyBoolean(), why.capture());
        assertThat(why.getAllValues()).containsExactly("resolved", "closed");
    }

    @Test
    void unreadable_records_and_unknown_types_still_go_to_the_dead_letter_topic() {
        assertThatThrownBy(() -> lifecycle.onSla(record(Topics.SLA, "not json", null))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> lifecycle.onLifecycle(record(Topics.DISPATCH, NOT_JSON, "SomethingNew")))
                .isInstanceOf(PoisonEventException.class);
        // the header names a type acted on, but the value cannot be read
        assertThatThrownBy(() -> intake.on(record(Topics.INTAKE, NOT_JSON, "ComplaintReceived")))
                .isInstanceOf(PoisonEventException.class);
        verifyNoInteractions(triage);
    }
}
