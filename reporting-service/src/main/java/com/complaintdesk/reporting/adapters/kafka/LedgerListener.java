package com.complaintdesk.reporting.adapters.kafka;

import com.complaintdesk.reporting.application.LedgerUpdater;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the ledger from every life-cycle topic (SPEC §6: reporting consumes everything). Safe with several consumer
 * threads or instances: one complaint's events on different topics are serialised by optimistic locking.
 * <p>
 * A batch listener: the events a poll brings for one complaint are applied in one read-modify-write of its entry
 * ({@link LedgerUpdater#applyAll}), so a lagging ledger catches up with a few store round trips per complaint rather
 * than five per event. Failures keep the per-record behaviour: a record that cannot be read, or an event that cannot
 * be applied (found by applying the poll's events one at a time, in order), is reported by its index once every record
 * before it is applied, so what the error handler then commits is in the ledger and it retries or dead-letters that
 * record alone; what follows is redelivered and, where already applied, ignored by event id.
 */
@Component
public class LedgerListener {

    public static final String ID = "reporting-ledger";

    private final LedgerUpdater updater;
    private final TolerantEventReader reader;

    public LedgerListener(LedgerUpdater updater, TolerantEventReader reader) {
        this.updater = updater;
        this.reader = reader;
    }

    private record Indexed(int index, LedgerEvent event) {
    }

    @KafkaListener(id = ID, groupId = "reporting-ledger", topics = "#{@ledgerTopics}", batch = "true",
            concurrency = "${reporting.ledger.concurrency:${spring.kafka.listener.concurrency:1}}")
    public void on(List<ConsumerRecord<String, String>> records) {
        List<Indexed> readable = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            try {
                readable.add(new Indexed(i, reader.read(record.topic(), record.value())));
            } catch (RuntimeException unreadable) {
                apply(readable); // what came before it, then this record alone to the error handler
                throw new BatchListenerFailedException("unreadable ledger event", unreadable, i);
            }
        }
        apply(readable);
    }

    /**
     * Applies the events, a complaint's in one write. When a complaint's write fails, the whole list is applied again
     * one event at a time in poll order and the first event that fails is reported: the error handler commits every
     * record before it, so each of those must be applied by then, whichever complaint it belongs to (reporting only
     * the failing complaint's own events would commit other complaints' earlier records unapplied, and they would be
     * missing from the ledger). Events already applied are skipped by event id.
     */
    private void apply(List<Indexed> events) {
        Map<String, List<Indexed>> byComplaint = new LinkedHashMap<>(); // in the order of each complaint's first record
        for (Indexed e : events) {
            byComplaint.computeIfAbsent(e.event().complaintId(), k -> new ArrayList<>()).add(e);
        }
        for (var group : byComplaint.entrySet()) {
            MDC.put("complaintId", group.getKey());
            try {
                updater.applyAll(group.getValue().stream().map(Indexed::event).toList());
            } catch (RuntimeException failed) {
                oneByOne(events);
                return;
            } finally {
                MDC.remove("complaintId");
            }
        }
    }

    /** As before batching: each event on its own, in poll order, so the one that cannot be applied is the one reported. */
    private void oneByOne(List<Indexed> events) {
        for (Indexed e : events) {
            MDC.put("complaintId", e.event().complaintId());
            try {
                updater.apply(e.event());
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("ledger update failed", failed, e.index());
            } finally {
                MDC.remove("complaintId");
            }
        }
    }
}
