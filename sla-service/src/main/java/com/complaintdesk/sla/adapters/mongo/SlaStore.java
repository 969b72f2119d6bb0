package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxHints;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * MongoDB access of sla-service, including the durable timers: a timer is the {@code wakeAt} of a clocks document,
 * listed in a time bucket of its due minute ({@link TimerBuckets}) and claimed with an atomic conditional update that
 * sets a lease (and bumps the version, so a concurrent writer reloads and keeps the lease). A lease that runs out makes
 * the timer claimable again. A rare look-up by {@code wakeAt} itself ({@link #claimDueByScan}) is the safety net.
 */
@Component
public class SlaStore {

    public static final String CLOCKS = "sla_clocks";
    public static final String DAILY_REPORTS = "sla_daily_reports";
    static final String ID_VERSION_INDEX = "id_version";

    private final MongoTemplate mongo;
    private final TimerBuckets buckets;
    /** null when the outbox relay is off (and in tests that make a store by hand): its scan finds the events */
    private final OutboxHints hints;

    public SlaStore(MongoTemplate mongo) {
        this(mongo, (OutboxHints) null);
    }

    @Autowired
    public SlaStore(MongoTemplate mongo, ObjectProvider<OutboxHints> hints) {
        this(mongo, hints.getIfAvailable());
    }

    SlaStore(MongoTemplate mongo, OutboxHints hints) {
        this.mongo = mongo;
        this.hints = hints;
        this.buckets = new TimerBuckets(mongo, CLOCKS);
        mongo.indexOps(CLOCKS).createIndex(new Index().on("wakeAt", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("overdue", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).sparse());
        // every conditional write here is {_id, version} (Spring Data's versioned save, the timer claim). MongoDB
        // serves it from the _id index anyway; mongo-java-server uses an index only when the query's keys are exactly
        // an index's keys and ignores non-unique ones, so without this unique index each such write scans the collection
        mongo.indexOps(CLOCKS).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named(ID_VERSION_INDEX));
    }

    /**
     * The clocks document of a complaint, read by {@code _id} through the driver and mapped by hand
     * ({@link SlaDocumentMapping}, the same result as Spring Data's {@code findById} without its mapping cost).
     */
    public Optional<SlaDocument> find(String complaintId) {
        Document stored = clocks(c -> c.find(new Document("_id", complaintId)).first());
        if (stored == null) {
            return Optional.empty();
        }
        SlaDocument doc = SlaDocumentMapping.read(stored);
        doc.registeredWakeAt = doc.wakeAt; // the timer is in its bucket already
        return Optional.of(doc);
    }

    /**
     * Insert when new, else save with optimistic locking. Throws on a lost race (caller reloads and retries).
     * <p>
     * Written through the driver with the document mapped by hand, with exactly what {@code MongoTemplate.insert/save}
     * of a {@code @Version} entity did: a new document (version null) gets version 0 and is inserted, a duplicate
     * {@code _id} is a {@link DuplicateKeyException}; a loaded one gets version + 1 and replaces the stored one on
     * {@code (_id, version as loaded)}, nothing modified is an {@link OptimisticLockingFailureException}. In both cases
     * the version on {@code doc} has moved before the write, as Spring Data moved it. No mapping events are published,
     * so the relay is told of the events here ({@link OutboxHints}, what Spring Data's AfterSaveEvent did).
     */
    public void save(SlaDocument doc) {
        // listed in its bucket before the save: a crash in between leaves a stale entry, which the claim drops
        if (doc.wakeAt != null && !TimerBuckets.sameDue(doc.wakeAt, doc.registeredWakeAt)) {
            buckets.register(doc.id, doc.wakeAt, doc.updatedAt);
            doc.registeredWakeAt = doc.wakeAt;
        }
        Long loaded = doc.getVersion();
        if (loaded == null) {
            doc.setVersion(0L);
            Document stored = SlaDocumentMapping.write(doc);
            clocks(c -> c.insertOne(stored));
        } else {
            doc.setVersion(loaded + 1);
            Document replacement = SlaDocumentMapping.write(doc);
            replacement.remove("_id");
            UpdateResult result = clocks(c -> c.replaceOne(new Document("_id", doc.id).append("version", loaded), replacement));
            if (result.getModifiedCount() == 0) {
                throw new OptimisticLockingFailureException("Cannot save entity %s with version %s to collection %s; Has it been modified meanwhile"
                        .formatted(doc.id, doc.getVersion(), CLOCKS));
            }
        }
        if (hints != null && doc.isOutboxPending() && !doc.getOutbox().isEmpty()) {
            hints.hint(CLOCKS, doc.id);
        }
    }

    /** The clocks collection through the template: its write concern, and driver exceptions translated as Spring Data's. */
    private <T> T clocks(CollectionCallback<T> call) {
        return mongo.execute(CLOCKS, call);
    }

    /**
     * Claims up to {@code max} timers due at {@code now} for {@code owner}, oldest minute first, from the time
     * buckets ({@link TimerBuckets}: exact {@code _id} look-ups, indexed on MongoDB and on mongo-java-server alike).
     * Each candidate is taken with a compare-and-set on {_id, version} (one indexed write), so two instances never
     * claim the same one.
     */
    public List<String> claimDue(Instant now, String owner, Duration lease, int max) {
        Update take = lease(now, owner, lease);
        return buckets.claimDue(now, max, candidate -> claim(candidate, take));
    }

    /**
     * The safety net behind the buckets: claims due timers found by their due time itself ({@code wakeAt <= now},
     * the wakeAt index on MongoDB, a scan on mongo-java-server). Run rarely; it finds what a bucket missed (a writer
     * stalled for more than a minute between reading its clock and registering, a lost bucket write).
     */
    public List<String> claimDueByScan(Instant now, String owner, Duration lease, int max) {
        Criteria claimable = Criteria.where("wakeAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
        Query candidates = new Query(claimable).with(Sort.by(Sort.Direction.ASC, "wakeAt")).limit(max);
        candidates.fields().include("_id").include("version");
        Update take = lease(now, owner, lease);
        List<String> claimed = new ArrayList<>();
        for (Document d : mongo.find(candidates, Document.class, CLOCKS)) {
            if (claim(new TimerBuckets.Candidate(String.valueOf(d.get("_id")), d.get("version")), take)) {
                claimed.add(String.valueOf(d.get("_id")));
            }
        }
        return claimed;
    }

    /**
     * Compare-and-set of a lease on one timer: a document another instance claimed (or fired, or a life-cycle event
     * changed) since it was read has a new version and no longer matches.
     */
    private boolean claim(TimerBuckets.Candidate c, Update take) {
        Query cas = new Query(Criteria.where("_id").is(c.id()).and("version").is(c.version()));
        return mongo.updateFirst(cas, take, CLOCKS).getModifiedCount() == 1;
    }

    /** The lease of one claim (one batch of one instance). */
    private static Update lease(Instant now, String owner, Duration lease) {
        return new Update().set("leaseOwner", owner).set("leaseToken", owner + "/" + UUID.randomUUID())
                .set("leaseUntil", now.plus(lease)).inc("version", 1L);
    }

    /** Lists stored timers in the buckets (documents written around {@link #save}, e.g. by a bulk load). */
    public void registerTimers(List<SlaDocument> docs) {
        buckets.registerAll(docs.stream().filter(d -> d.wakeAt != null)
                .map(d -> new TimerBuckets.Timer(d.id, d.wakeAt, d.updatedAt)).toList());
    }

    public long countTimers() {
        return mongo.count(new Query(Criteria.where("wakeAt").ne(null)), CLOCKS);
    }

    public List<SlaDocument> overdue(int limit) {
        Query q = new Query(Criteria.where("overdue").is(true)).with(Sort.by("_id")).limit(limit);
        return mongo.find(q, SlaDocument.class);
    }

    public Optional<DailyReportDocument> findDailyReport(String id) {
        return Optional.ofNullable(mongo.findById(id, DailyReportDocument.class));
    }

    /** False when another instance already made that day's report. */
    public boolean insertDailyReport(DailyReportDocument doc) {
        try {
            mongo.insert(doc);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
