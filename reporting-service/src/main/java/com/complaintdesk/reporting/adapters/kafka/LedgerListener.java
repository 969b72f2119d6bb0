package com.complaintdesk.reporting.adapters.kafka;

import com.complaintdesk.reporting.application.LedgerUpdater;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Builds the ledger from every life-cycle topic (SPEC §6: reporting consumes everything). Safe with several consumer
 * threads or instances: one complaint's events on different topics are serialised by optimistic locking.
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

    @KafkaListener(id = ID, groupId = "reporting-ledger", topics = "#{@ledgerTopics}",
            concurrency = "${reporting.ledger.concurrency:${spring.kafka.listener.concurrency:1}}")
    public void on(ConsumerRecord<String, String> record) {
        MDC.put("complaintId", record.key());
        try {
            updater.apply(reader.read(record.topic(), record.value()));
        } finally {
            MDC.remove("complaintId");
        }
    }
}
