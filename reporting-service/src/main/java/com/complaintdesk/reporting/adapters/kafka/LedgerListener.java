package com.complaintdesk.reporting.adapters.kafka;

import com.complaintdesk.kit.events.PollByComplaint;
import com.complaintdesk.reporting.application.LedgerUpdater;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

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

    @KafkaListener(id = ID, groupId = "reporting-ledger", topics = "#{@ledgerTopics}", batch = "true",
            concurrency = "${reporting.ledger.concurrency:${spring.kafka.listener.concurrency:1}}")
    public void on(List<ConsumerRecord<String, String>> records) {
        // a complaint's events of the poll in one write; see PollByComplaint for what a failure does
        PollByComplaint.readAndApply(records, r -> reader.read(r.topic(), r.value()), LedgerEvent::complaintId,
                updater::applyAll, updater::apply);
    }
}
