package com.complaintdesk.sla.adapters.kafka;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.contracts.events.ReportingEvents.MonthlyReportPublished;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private record Indexed(int index, EventEnvelope<ComplaintEvent> event) {
    }

    @KafkaListener(id = ID, groupId = "sla-clocks", batch = "true",
            topics = {Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH, Topics.FOLLOWUP, Topics.REPORTING})
    public void on(List<ConsumerRecord<String, String>> records) {
        List<Indexed> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        int unreadableAt = -1;
        for (int i = 0; i < records.size() && unreadable == null; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (HANDLED.ignores(codec, record)) {
                continue;
            }
            try {
                events.add(new Indexed(i, codec.decode(record.value())));
            } catch (RuntimeException e) {
                unreadable = e; // what came before it is applied first
                unreadableAt = i;
            }
        }
        try {
            applyGrouped(events);
        } catch (RuntimeException failed) {
            oneByOne(events);
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException("unreadable life-cycle event", unreadable, unreadableAt);
        }
    }

    private void applyGrouped(List<Indexed> events) {
        Map<String, List<EventEnvelope<ComplaintEvent>>> byComplaint = new LinkedHashMap<>();
        for (Indexed e : events) {
            if (e.event().payload() instanceof MonthlyReportPublished) {
                apply(e.event());
            } else if (ClockService.relevant(e.event().payload())) {
                byComplaint.computeIfAbsent(e.event().complaintId(), k -> new ArrayList<>()).add(e.event());
            }
        }
        for (var group : byComplaint.entrySet()) {
            MDC.put("complaintId", group.getKey());
            try {
                clocks.onAll(group.getValue());
            } finally {
                MDC.remove("complaintId");
            }
        }
    }

    /** As before batching: each event on its own, in record order, so the one that cannot be applied is reported. */
    private void oneByOne(List<Indexed> events) {
        for (Indexed e : events) {
            MDC.put("complaintId", e.event().complaintId());
            try {
                apply(e.event());
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("life-cycle event could not be applied", failed, e.index());
            } finally {
                MDC.remove("complaintId");
            }
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
