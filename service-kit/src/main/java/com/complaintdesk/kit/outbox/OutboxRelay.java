package com.complaintdesk.kit.outbox;

import com.complaintdesk.kit.KitProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Relays the events waiting in {@link OutboxDocument#getOutbox()} to Kafka, then removes them.
 * <p>
 * Delivery is at-least-once: if the process dies between the Kafka ack and the removal, the event is sent again
 * with the same event id, and consumers drop it as already processed. Each instance leases the documents it relays,
 * so running several instances of a service does not multiply the sends. While Kafka is down the events simply wait
 * in MongoDB; nothing accepted is lost.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";
    /** ids of events already sent, kept for {@code kit.outbox.sent-retention} */
    static final String SENT = "outbox_sent";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final KitProperties.Outbox settings;
    private final Counter relayed;
    private final Counter failures;
    private final KafkaAdmin admin;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile boolean running;
    private long lastPrune;
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
        mongo.indexOps(SENT).createIndex(new Index().on("sentAt", org.springframework.data.domain.Sort.Direction.ASC));
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
        List<Document> docs = claim(collection);
        if (docs.isEmpty()) {
            return 0;
        }
        Set<String> alreadySent = alreadySent(docs);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<Object[]> sentPerDoc = new ArrayList<>();
        List<Document> sentNow = new ArrayList<>();
        Date sentAt = new Date();
        for (Document doc : docs) {
            List<Document> events = doc.getList("outbox", Document.class, List.of());
            List<String> ids = new ArrayList<>();
            for (Document e : events) {
                String outboxId = e.getString("outboxId");
                if (!alreadySent.contains(outboxId)) {
                    sends.add(kafka.send(e.getString("topic"), e.getString("key"), e.getString("json")));
                    sentNow.add(new Document("_id", outboxId).append("sentAt", sentAt));
                }
                ids.add(outboxId);
            }
            sentPerDoc.add(new Object[]{doc.get("_id"), ids});
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            release(collection, sentPerDoc);
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        rememberSent(sentNow);
        for (Object[] sent : sentPerDoc) {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) sent[1];
            Query byId = new Query(Criteria.where("_id").is(sent[0]));
            mongo.updateFirst(byId, new Update()
                    .pull("outbox", new Document("outboxId", new Document("$in", ids)))
                    .unset(LEASE_UNTIL).unset(LEASE_OWNER), collection);
            mongo.updateFirst(new Query(Criteria.where("_id").is(sent[0]).and("outbox").size(0)),
                    new Update().set("outboxPending", false), collection);
        }
        relayed.increment(sentNow.size());
        return sentNow.size();
    }

    /**
     * Takes a lease on up to one batch of documents with pending events, so that several instances of the same
     * service (or several application contexts on one database) do not all send the same events. A lease that is
     * not released (the instance died mid-send) runs out and another instance takes the document over.
     */
    private List<Document> claim(String collection) {
        Query candidates = new Query(Criteria.where("outboxPending").is(true)).limit(settings.batchSize());
        candidates.fields().include("_id").include(LEASE_UNTIL);
        Date now = new Date();
        List<Document> claimed = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, collection)) {
            Date leaseUntil = candidate.getDate(LEASE_UNTIL);
            if (leaseUntil != null && leaseUntil.after(now)) {
                continue;
            }
            Criteria free = new Criteria().orOperator(
                    Criteria.where(LEASE_UNTIL).exists(false),
                    Criteria.where(LEASE_UNTIL).lte(now));
            Query take = new Query(Criteria.where("_id").is(candidate.get("_id")).and("outboxPending").is(true)
                    .andOperator(free));
            take.fields().include("_id").include("outbox");
            Document doc = mongo.findAndModify(take,
                    new Update().set(LEASE_UNTIL, new Date(now.getTime() + leaseLength().toMillis())).set(LEASE_OWNER, instanceId),
                    FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (doc != null) {
                claimed.add(doc);
            }
        }
        return claimed;
    }

    private void release(String collection, List<Object[]> claimed) {
        for (Object[] doc : claimed) {
            try {
                mongo.updateFirst(new Query(Criteria.where("_id").is(doc[0]).and(LEASE_OWNER).is(instanceId)),
                        new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), collection);
            } catch (RuntimeException e) {
                log.debug("could not release outbox lease on {}; it runs out by itself", doc[0], e);
            }
        }
    }

    /**
     * A domain save that loaded its document before the relay removed a sent event writes that event back (the save
     * replaces the whole document). The ids of sent events are remembered for a while, so such an event is removed
     * again instead of being sent a second time.
     */
    private Set<String> alreadySent(List<Document> docs) {
        List<String> ids = new ArrayList<>();
        for (Document doc : docs) {
            for (Document e : doc.getList("outbox", Document.class, List.of())) {
                ids.add(e.getString("outboxId"));
            }
        }
        Set<String> sent = new HashSet<>();
        if (ids.isEmpty()) {
            return sent;
        }
        for (Document d : mongo.getCollection(SENT).find(new Document("_id", new Document("$in", ids)))
                .projection(new Document("_id", 1))) {
            sent.add(d.getString("_id"));
        }
        return sent;
    }

    private void rememberSent(List<Document> sentNow) {
        if (sentNow.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(SENT).insertMany(sentNow, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // ids already remembered (a resend after a crash): nothing more to do
        }
        long now = System.currentTimeMillis();
        if (now - lastPrune > settings.sentRetention().toMillis() / 4) {
            lastPrune = now;
            mongo.getCollection(SENT).deleteMany(
                    new Document("sentAt", new Document("$lt", new Date(now - settings.sentRetention().toMillis()))));
        }
    }

    private Duration leaseLength() {
        return settings.sendTimeout().multipliedBy(3);
    }
}
