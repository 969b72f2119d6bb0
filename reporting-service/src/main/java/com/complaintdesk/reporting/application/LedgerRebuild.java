package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.events.PoisonEventException;
import com.complaintdesk.reporting.adapters.kafka.LedgerListener;
import com.complaintdesk.reporting.adapters.kafka.TolerantEventReader;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the ledger and the statistics from the topics, from offset zero (issue 6), with one call. The live
 * listener of this instance is paused meanwhile; the ledger and counters are dropped; every record up to the
 * end offsets seen at the start is replayed through the same idempotent projection; then the listener resumes
 * where it was (anything it reads again is a duplicate and changes nothing).
 */
@Service
public class LedgerRebuild {

    public static final String COLLECTION = "ledger_rebuilds";
    private static final Logger log = LoggerFactory.getLogger(LedgerRebuild.class);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final TolerantEventReader reader;
    private final LedgerUpdater updater;
    private final LedgerStore ledger;
    private final CounterStore counters;
    private final MongoTemplate mongo;
    private final ReportingProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public LedgerRebuild(ConsumerFactory<String, String> consumers, KafkaListenerEndpointRegistry listeners,
                         TolerantEventReader reader, LedgerUpdater updater, LedgerStore ledger, CounterStore counters,
                         MongoTemplate mongo, ReportingProperties properties, Clock clock) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.reader = reader;
        this.updater = updater;
        this.ledger = ledger;
        this.counters = counters;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a rebuild in the background; empty when one is already running on this instance. */
    public Optional<String> start(String requestedBy) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("state", "RUNNING").append("requestedBy", requestedBy)
                .append("startedAt", Date.from(clock.instant())).append("records", 0L), COLLECTION);
        Thread worker = new Thread(() -> {
            try {
                Map<String, Object> result = run();
                mongo.getCollection(COLLECTION).updateOne(new Document("_id", id), new Document("$set",
                        new Document(result).append("state", "DONE").append("finishedAt", Date.from(clock.instant()))));
            } catch (RuntimeException e) {
                log.error("ledger rebuild {} failed", id, e);
                mongo.getCollection(COLLECTION).updateOne(new Document("_id", id), new Document("$set",
                        new Document("state", "FAILED").append("error", e.toString()).append("finishedAt", Date.from(clock.instant()))));
            } finally {
                running.set(false);
            }
        }, "ledger-rebuild");
        worker.setDaemon(true);
        worker.start();
        return Optional.of(id);
    }

    public Optional<Document> status(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION));
    }

    /** The rebuild itself, synchronous. */
    Map<String, Object> run() {
        MessageListenerContainer live = listeners.getListenerContainer(LedgerListener.ID);
        if (live != null) {
            live.pause();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!live.isContainerPaused() && live.isRunning() && System.nanoTime() < until) {
                sleep();
            }
        }
        long records = 0;
        long applied = 0;
        long skipped = 0;
        try (Consumer<String, String> consumer = consumers.createConsumer("reporting-rebuild", "rebuild", null)) {
            ledger.clear();
            counters.clear();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : properties.ledger().topics()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue;
                    }
                    records++;
                    try {
                        if (updater.apply(reader.read(record.topic(), record.value()))) {
                            applied++;
                        }
                    } catch (PoisonEventException poison) {
                        skipped++; // it is on the dead-letter topic already
                    }
                }
            }
        } finally {
            if (live != null) {
                live.resume();
            }
        }
        log.info("ledger rebuilt: {} records read, {} applied, {} unreadable", records, applied, skipped);
        return Map.of("records", records, "applied", applied, "skipped", skipped);
    }

    private static boolean caughtUp(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
