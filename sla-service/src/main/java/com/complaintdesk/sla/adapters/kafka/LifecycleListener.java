package com.complaintdesk.sla.adapters.kafka;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.kit.events.PollByComplaint;
import com.complaintdesk.contracts.events.ReportingEvents.MonthlyReportPublished;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every life-cycle topic moves the clocks (SPEC §4); the reporting topic meets the monthly report deadline.
 * <p>
 * A batch listener: the events a poll brings for one complaint (e.g. triage's acceptance and classification, relayed
 * together) are applied in one read-modify-write of its clocks ({@link ClockService#onAll}) instead of one each.
 * Records of a type sla ignores are skipped on their type alone (the record's type header, or the envelope's
 * {@code type}), before they are decoded. Failures keep the per-record behaviour: when a record cannot be read, what
 * came before it is applied and that record alone is reported by its index; when applying fails, the poll's events
 * are applied again one at a time in record order (what was applied already is skipped by event id) and the first
 * that fails is reported. The kit's error handler then commits what came before, retries or dead-letters that
 * record, and redelivers the rest (ignored by event id where already applied).
 */
@Component
public class LifecycleListener {

    public static final String ID = "sla-clocks";
    /** What moves a clock or meets the monthly report deadline; other known types are skipped before decoding. */
    private static final HandledTypes HANDLED = new HandledTypes(Stream.concat(ClockService.relevantTypes().stream(),
            Stream.of(MonthlyReportPublished.class)).collect(Collectors.toUnmodifiableSet()));

    private final ClockService clocks;
    private final MonthlyReportWatch monthly;
    private final EventCodec codec;

    public LifecycleListener(ClockService clocks, MonthlyReportWatch monthly, EventCodec codec) {
        this.clocks = clocks;
        this.monthly = monthly;
        this.codec = codec;
    }

    @KafkaListener(id = ID, groupId = "sla-clocks", batch = "true",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.FOLLOWUP, Topics.REPORTING})
    public void on(List<ConsumerRecord<String, String>> records) {
        PollByComplaint.decodeAndApply(records, HANDLED, codec, this::applyAll, this::apply);
    }

    /** One complaint's events of the poll in one write of its clocks; the monthly report's period is its own key. */
    private void applyAll(List<EventEnvelope<ComplaintEvent>> events) {
        if (events.get(0).payload() instanceof MonthlyReportPublished) {
            events.forEach(this::apply);
        } else {
            clocks.onAll(events);
        }
    }

    private void apply(EventEnvelope<ComplaintEvent> envelope) {
        if (envelope.payload() instanceof MonthlyReportPublished published) {
            monthly.onPublished(published.period(), envelope.occurredAt()); // SPEC §3.18
        } else {
            clocks.on(envelope);
        }
    }
}
