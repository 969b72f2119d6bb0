package com.complaintdesk.kit.outbox;

import com.complaintdesk.kit.KitProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Relays the events waiting in {@link OutboxDocument#getOutbox()} to Kafka, then removes them.
 * <p>
 * Delivery is at-least-once: if the process dies between the Kafka ack and the removal, the event is sent again
 * with the same event id, and consumers drop it as already processed. While Kafka is down the events simply wait
 * in MongoDB; nothing accepted is lost.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final KitProperties.Outbox settings;
    private final Counter relayed;
    private final Counter failures;
    private final KafkaAdmin admin;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                       KitProperties properties, MeterRegistry meters, KafkaAdmin admin) {
        this.admin = admin;
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections.names();
        this.settings = properties.outbox();
        this.relayed = Counter.builder("outbox.relayed").description("events relayed from the outbox to Kafka").register(meters);
        this.failures = Counter.builder("outbox.relay.failures").description("failed relay attempts (retried)").register(meters);
    }

    @Override
    public void start() {
        for (String collection : collections) {
            mongo.indexOps(collection).createIndex(new Index().on("outboxPending", org.springframework.data.domain.Sort.Direction.ASC));
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the Kafka producer and Mongo client, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                if (backoffMs > 0 && admin != null) {
                    // Kafka was unreachable: topics missed at start-up are created now, before the first send
                    admin.initialize();
                }
                int sent = relayOnce();
                backoffMs = 0;
                if (sent == 0) {
                    LockSupport.parkNanos(settings.idlePoll().toNanos());
                }
            } catch (RuntimeException e) {
                failures.increment();
                backoffMs = Math.min(5_000, Math.max(100, backoffMs * 2));
                log.warn("outbox relay failed, retrying in {} ms: {}", backoffMs, e.toString());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMs));
            }
        }
    }

    /** One pass over every outbox collection. Returns how many events went out. Visible for tests. */
    public int relayOnce() {
        int total = 0;
        for (String collection : collections) {
            total += relayCollection(collection);
        }
        return total;
    }

    private int relayCollection(String collection) {
        Query pending = new Query(Criteria.where("outboxPending").is(true)).limit(settings.batchSize());
        pending.fields().include("_id").include("outbox");
        List<Document> docs = mongo.find(pending, Document.class, collection);
        if (docs.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Object[]> sentPerDoc = new ArrayList<>();
        for (Document doc : docs) {
            List<Document> events = doc.getList("outbox", Document.class, List.of());
            List<String> ids = new ArrayList<>();
            for (Document e : events) {
                sends.add(kafka.send(e.getString("topic"), e.getString("key"), e.getString("json")));
                ids.add(e.getString("outboxId"));
            }
            sentPerDoc.add(new Object[]{doc.get("_id"), ids});
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        int count = 0;
        for (Object[] sent : sentPerDoc) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) sent[1];
            Query byId = new Query(Criteria.where("_id").is(sent[0]));
            mongo.updateFirst(byId, new Update().pull("outbox", new Document("outboxId", new Document("$in", ids))), collection);
            mongo.updateFirst(new Query(Criteria.where("_id").is(sent[0]).and("outbox").size(0)),
                    new Update().set("outboxPending", false), collection);
            count += ids.size();
        }
        relayed.increment(count);
        return count;
    }
}
