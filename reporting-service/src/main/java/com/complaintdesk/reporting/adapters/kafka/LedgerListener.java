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
 * be applied (found by applying its complaint's events one at a time), is reported by its index, so what came before
 * it is committed and the kit's error handler retries or dead-letters that record alone; what follows is redelivered
 * and, where already applied, ignored by event id.
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
        Map<String, List<Indexed>> byComplaint = new LinkedHashMap<>(); // in the order of each complaint's first record
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            LedgerEvent event;
            try {
                event = reader.read(record.topic(), record.value());
            } catch (RuntimeException unreadable) {
                apply(byComplaint); // what came before it, then this record alone to the error handler
                throw new BatchListenerFailedException("unreadable ledger event", unreadable, i);
            }
            byComplaint.computeIfAbsent(event.complaintId(), k -> new ArrayList<>()).add(new Indexed(i, event));
        }
        apply(byComplaint);
    }

    private void apply(Map<String, List<Indexed>> byComplaint) {
        for (var group : byComplaint.entrySet()) {
            MDC.put("complaintId", group.getKey());
            try {
                updater.applyAll(group.getValue().stream().map(Indexed::event).toList());
            } catch (RuntimeException failed) {
                oneByOne(group.getValue());
            } finally {
                MDC.remove("complaintId");
            }
        }
    }

    /** As before batching: each event on its own, so the one that cannot be applied is the one reported. */
    private void oneByOne(List<Indexed> events) {
        for (Indexed e : events) {
            try {
                updater.apply(e.event());
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("ledger update failed", failed, e.index());
            }
        }
    }
}
