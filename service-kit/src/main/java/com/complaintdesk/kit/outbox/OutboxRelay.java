package com.complaintdesk.kit.outbox;

import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOneModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * <p>
 * Documents saved with events are announced by {@link OutboxHints} and read by {@code _id} at once; the scan for
 * {@code outboxPending} runs only every {@code kit.outbox.idle-poll} (and right after a failed pass), as the safety
 * net that guarantees delivery of whatever no hint announced. Leasing, removing the sent events and clearing
 * {@code outboxPending} are one update each per batch, not per document: on the Mongo-wire store every query that
 * is not by {@code _id} alone reads the whole collection.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";
    /** the field of {@code OutboxDocument}'s {@code @Version} */
    static final String VERSION = "version";
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
    private final OutboxHints hints;
    private long lastPrune;
    private long lastLeaseUntil;
    private Thread worker;

    /** A relay that only scans (every {@code kit.outbox.idle-poll}); tests drive it through {@link #relayOnce()}. */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                       KitProperties properties, MeterRegistry meters, KafkaAdmin admin) {
        this(mongo, kafka, collections, properties, meters, admin, null);
    }

    /**
     * @param hints the documents just saved with events, relayed at once; null to rely on the scan alone
     */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                       KitProperties properties, MeterRegistry meters, KafkaAdmin admin, OutboxHints hints) {
        this.hints = hints;
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
        createIndexes();
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The scan's index, and with {@code kit.outbox.id-indexes} the unique compound indexes {@code (_id, version)} and
     * {@code (_id, outboxLeaseUntil)}. Those add nothing on a real MongoDB (the {@code _id} index already serves a
     * query by {@code _id}), but the Mongo-wire store uses an index only when a query names exactly its fields, so
     * without them every conditional write by {@code _id} (the relay's lease and clear, and every optimistic-locking
     * save of a domain document, {@code {_id, version}}) reads the whole collection.
     */
    public void createIndexes() {
        for (String collection : collections) {
            mongo.indexOps(collection).createIndex(new Index().on("outboxPending", org.springframework.data.domain.Sort.Direction.ASC));
            if (settings.idIndexes()) {
                MongoCollection<Document> coll = mongo.getCollection(collection);
                coll.createIndex(new Document("_id", 1).append(VERSION, 1), new IndexOptions().unique(true).name("_id_version"));
                coll.createIndex(new Document("_id", 1).append(LEASE_UNTIL, 1), new IndexOptions().unique(true).name("_id_lease"));
            }
        }
        mongo.indexOps(SENT).createIndex(new Index().on("sentAt", org.springframework.data.domain.Sort.Direction.ASC));
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
        long nextScan = System.nanoTime(); // the first pass is a scan: events left from before a restart
        while (running) {
            try {
                if (backoffMs > 0 && admin != null) {
                    // Kafka was unreachable: topics missed at start-up are created now, before the first send
                    admin.initialize();
                }
                boolean more = false;
                if (System.nanoTime() - nextScan >= 0 || (hints != null && hints.takeOverflow())) {
                    more = scan();
                    nextScan = System.nanoTime() + settings.idlePoll().toNanos();
                }
                backoffMs = 0;
                if (!more) {
                    long waitNanos = Math.max(0, nextScan - System.nanoTime());
                    if (hints == null) {
                        LockSupport.parkNanos(waitNanos);
                    } else {
                        List<OutboxHints.Hint> hinted = hints.await(waitNanos, TimeUnit.NANOSECONDS, settings.batchSize());
                        if (!hinted.isEmpty()) {
                            relayHinted(hinted);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                backoffMs = Math.min(5_000, Math.max(100, backoffMs * 2));
                log.warn("outbox relay failed, retrying in {} ms: {}", backoffMs, e.toString());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMs));
                nextScan = System.nanoTime(); // hints taken by the failed pass are gone: the scan finds their documents
            }
        }
    }

    /**
     * One scan of every outbox collection for pending documents (the safety net: what no hint announced, what a
     * failed pass left, what a dead instance leased). Returns how many events went out. Visible for tests.
     */
    public int relayOnce() {
        int total = 0;
        for (String collection : collections) {
            total += relayScanned(collection).sent();
        }
        return total;
    }

    /** One scan pass; true when a collection had a full batch pending, so the next scan should follow at once. */
    private boolean scan() {
        boolean more = false;
        for (String collection : collections) {
            more |= relayScanned(collection).more();
        }
        return more;
    }

    private record Pass(int sent, boolean more) {
    }

    private Pass relayScanned(String collection) {
        MongoCollection<Document> docs = mongo.getCollection(collection);
        Date now = new Date();
        List<Document> free = new ArrayList<>();
        int found = 0;
        for (Document candidate : docs.find(new Document("outboxPending", true))
                .projection(new Document("_id", 1).append(LEASE_UNTIL, 1)).limit(settings.batchSize())) {
            found++;
            if (isFree(candidate, now)) {
                free.add(candidate);
            }
        }
        return new Pass(relay(collection, free), found >= settings.batchSize());
    }

    /**
     * The documents just saved with events. They are claimed straight away, without reading them first: a save
     * replaces the whole document, so right after it the document carries no lease (the lease fields are the relay's,
     * not the domain's), and a claim on "no lease" either takes it or finds another instance holding it. A document
     * whose lease is only expired (left by a pass that failed) is the scan's.
     */
    private void relayHinted(List<OutboxHints.Hint> hinted) {
        Map<String, Set<Object>> byCollection = new LinkedHashMap<>();
        for (OutboxHints.Hint h : hinted) {
            byCollection.computeIfAbsent(h.collection(), c -> new LinkedHashSet<>()).add(h.id());
        }
        for (var entry : byCollection.entrySet()) {
            if (!collections.contains(entry.getKey())) {
                continue;
            }
            List<Document> free = new ArrayList<>();
            for (Object id : entry.getValue()) {
                free.add(new Document("_id", id)); // no outboxLeaseUntil: claimed only if it has none
            }
            relay(entry.getKey(), free);
        }
    }

    private static boolean isFree(Document candidate, Date now) {
        Date leaseUntil = candidate.getDate(LEASE_UNTIL);
        return leaseUntil == null || !leaseUntil.after(now);
    }

    /**
     * Leases the candidates, sends their events and removes them. Every query goes by {@code _id} (alone, with
     * {@code $in}, or with one more field that has a compound index with {@code _id}), and each step is one round
     * trip per batch, not per document.
     *
     * @param candidates {@code _id} and the {@code outboxLeaseUntil} seen (absent = free) of pending documents
     */
    private int relay(String collection, List<Document> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        MongoCollection<Document> coll = mongo.getCollection(collection);
        List<Document> docs = claim(coll, candidates);
        if (docs.isEmpty()) {
            return 0;
        }
        Set<String> alreadySent = alreadySent(docs);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<String> outboxIds = new ArrayList<>();
        List<Document> sentNow = new ArrayList<>();
        Date sentAt = new Date();
        for (Document doc : docs) {
            for (Document e : doc.getList("outbox", Document.class, List.of())) {
                String outboxId = e.getString("outboxId");
                if (!alreadySent.contains(outboxId)) {
                    sends.add(send(e));
                    sentNow.add(new Document("_id", outboxId).append("sentAt", sentAt));
                }
                outboxIds.add(outboxId);
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            release(coll, docs);
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        rememberSent(sentNow);
        finish(coll, docs, outboxIds);
        relayed.increment(sentNow.size());
        return sentNow.size();
    }

    /** Sends one event inside the trace it was enqueued in, if any ({@link OutboxTraces}). */
    private CompletableFuture<?> send(Document event) {
        try (OutboxTraces.Scope trace = OutboxTraces.continueTrace(event.getString("traceParent"), "outbox relay")) {
            return kafka.send(record(event));
        }
    }

    /** The event's record; its type also as the {@link EventCodec#TYPE_HEADER} header, so listeners can skip it unread. */
    private static ProducerRecord<String, String> record(Document event) {
        var record = new ProducerRecord<String, String>(event.getString("topic"), null, event.getString("key"), event.getString("json"));
        String type = event.getString("type");
        if (type != null && !type.isBlank()) {
            record.headers().add(EventCodec.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * Removes the batch's events from their documents, drops the leases and clears {@code outboxPending}. The relay's
     * own writes never change a document's version, so a document still at the version the claim read has exactly
     * the outbox the claim read, all of it handled now: one compare-and-set on {@code (_id, version)} empties it and
     * clears the flag. When that does not hold for the whole batch (a domain save came in meanwhile and may have added
     * events, or a document has no version), the batch takes the general path: pull the handled events, then clear
     * the flag where the outbox is empty.
     */
    private void finish(MongoCollection<Document> coll, List<Document> docs, List<String> outboxIds) {
        List<UpdateOneModel<Document>> empties = new ArrayList<>();
        for (Document doc : docs) {
            Object version = doc.get(VERSION);
            if (version == null) {
                empties.clear();
                break;
            }
            empties.add(new UpdateOneModel<>(new Document("_id", doc.get("_id")).append(VERSION, version),
                    new Document("$set", new Document("outbox", List.of()).append("outboxPending", false))
                            .append("$unset", new Document(LEASE_UNTIL, "").append(LEASE_OWNER, ""))));
        }
        if (!empties.isEmpty()
                && coll.bulkWrite(empties, new BulkWriteOptions().ordered(false)).getMatchedCount() == docs.size()) {
            return;
        }
        List<Object> docIds = new ArrayList<>();
        for (Document doc : docs) {
            docIds.add(doc.get("_id"));
        }
        Document byIds = new Document("_id", new Document("$in", docIds));
        // event ids are unique, so pulling the batch's ids from each of its documents removes exactly what was sent
        coll.updateMany(byIds, new Document("$pull", new Document("outbox",
                        new Document("outboxId", new Document("$in", outboxIds))))
                .append("$unset", new Document(LEASE_UNTIL, "").append(LEASE_OWNER, "")));
        clearPending(coll, byIds);
    }

    /**
     * Marks the documents whose outbox is now empty as no longer pending. Each clear is conditional on the version
     * read here: a domain save that came in meanwhile (and may have added events) bumped it, so its document stays
     * pending. The relay's own writes never change the version, so domain saves do not conflict with it.
     */
    private void clearPending(MongoCollection<Document> coll, Document byIds) {
        List<UpdateOneModel<Document>> clears = new ArrayList<>();
        for (Document doc : coll.find(byIds).projection(new Document("_id", 1).append(VERSION, 1).append("outbox", 1))) {
            if (doc.getList("outbox", Document.class, List.of()).isEmpty()) {
                clears.add(new UpdateOneModel<>(new Document("_id", doc.get("_id")).append(VERSION, doc.get(VERSION)),
                        new Document("$set", new Document("outboxPending", false))));
            }
        }
        if (!clears.isEmpty()) {
            coll.bulkWrite(clears, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Takes a lease on each candidate whose lease is still what the candidate showed (absent, or run out), in one
     * bulk write, so that several instances of the same service (or several application contexts on one database)
     * do not all send the same events: of two instances that saw the same document free, one changes the lease and
     * the other's condition no longer matches. Then reads back by {@code _id} which documents this pass holds.
     * A lease that is not released (the instance died mid-send) runs out and another instance takes the document over.
     */
    private List<Document> claim(MongoCollection<Document> coll, List<Document> candidates) {
        long until = Math.max(System.currentTimeMillis() + leaseLength().toMillis(), lastLeaseUntil + 1);
        lastLeaseUntil = until; // unique per pass, so the read-back tells this pass's leases apart
        Date leaseUntil = new Date(until);
        Document lease = new Document("$set", new Document(LEASE_UNTIL, leaseUntil).append(LEASE_OWNER, instanceId));
        Document claimed = new Document("_id", 1).append("outbox", 1).append(VERSION, 1).append(LEASE_UNTIL, 1).append(LEASE_OWNER, 1);
        if (candidates.size() == 1) {
            // one document (the usual hinted batch): the claim returns it, one round trip instead of two
            Document c = candidates.get(0);
            Document doc = coll.findOneAndUpdate(new Document("_id", c.get("_id")).append(LEASE_UNTIL, c.getDate(LEASE_UNTIL)),
                    lease, new FindOneAndUpdateOptions().projection(claimed).returnDocument(ReturnDocument.AFTER));
            return doc == null ? List.of() : List.of(doc);
        }
        List<UpdateOneModel<Document>> takes = new ArrayList<>();
        List<Object> ids = new ArrayList<>();
        for (Document c : candidates) {
            // {field: null} matches a missing field too
            takes.add(new UpdateOneModel<>(new Document("_id", c.get("_id")).append(LEASE_UNTIL, c.getDate(LEASE_UNTIL)), lease));
            ids.add(c.get("_id"));
        }
        coll.bulkWrite(takes, new BulkWriteOptions().ordered(false));
        List<Document> held = new ArrayList<>();
        for (Document doc : coll.find(new Document("_id", new Document("$in", ids))).projection(claimed)) {
            if (instanceId.equals(doc.getString(LEASE_OWNER)) && leaseUntil.equals(doc.getDate(LEASE_UNTIL))) {
                held.add(doc);
            }
        }
        return held;
    }

    /** Gives back the leases of a batch that could not be sent, so the next pass (or another instance) retries it. */
    private void release(MongoCollection<Document> coll, List<Document> claimed) {
        try {
            List<UpdateOneModel<Document>> releases = new ArrayList<>();
            for (Document doc : claimed) {
                releases.add(new UpdateOneModel<>(new Document("_id", doc.get("_id")).append(LEASE_UNTIL, doc.getDate(LEASE_UNTIL)),
                        new Document("$unset", new Document(LEASE_UNTIL, "").append(LEASE_OWNER, ""))));
            }
            coll.bulkWrite(releases, new BulkWriteOptions().ordered(false));
        } catch (RuntimeException e) {
            log.debug("could not release outbox leases in {}; they run out by themselves", coll.getNamespace(), e);
        }
    }

    /**
     * A domain save that loaded its document before the relay removed a sent event writes that event back (the save
     * replaces the whole document). The ids of sent events are remembered for a while, so such an event is removed
     * again instead of being sent a second time. Only events an earlier version of the document carried are looked
     * up ({@link #enqueuedByStoredVersion}): for the usual batch, a document just saved with its new events, the
     * look-up is skipped (one store round trip less per batch).
     */
    private Set<String> alreadySent(List<Document> docs) {
        List<String> ids = new ArrayList<>();
        for (Document doc : docs) {
            for (Document e : doc.getList("outbox", Document.class, List.of())) {
                if (!enqueuedByStoredVersion(doc, e)) {
                    ids.add(e.getString("outboxId"));
                }
            }
        }
        Set<String> sent = new HashSet<>();
        if (ids.isEmpty()) {
            return sent; // the usual batch: every event was written by the save that stored this version
        }
        for (Document d : mongo.getCollection(SENT).find(new Document("_id", new Document("$in", ids)))
                .projection(new Document("_id", 1))) {
            sent.add(d.getString("_id"));
        }
        return sent;
    }

    /**
     * True when the event was enqueued by the save that wrote the document's current version. Such an event cannot
     * have been written back: a relay pass that sent it empties the outbox at this version, and only a later save,
     * which moves the version, could bring it back. (A pass that sent it and died before emptying the outbox leaves
     * it at this version: it is sent again when the lease runs out, which consumers drop by its event id.) An event
     * or a document without a version is always looked up.
     */
    public static boolean enqueuedByStoredVersion(Document doc, Document event) {
        return event.get("storedVersion") instanceof Number enqueued && doc.get(VERSION) instanceof Number stored
                && enqueued.longValue() == stored.longValue();
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
