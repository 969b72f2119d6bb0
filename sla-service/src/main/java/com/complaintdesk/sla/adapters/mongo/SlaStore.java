package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxHints;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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
 * <p>
 * The documents this instance saved last are remembered ({@link RecentClocks}), so a life-cycle event that follows
 * another of the same complaint is applied without a look-up ({@link #findForUpdate}).
 */
public class SlaStore {

    public static final String CLOCKS = "sla_clocks";
    public static final String DAILY_REPORTS = "sla_daily_reports";
    static final String ID_VERSION_INDEX = "id_version";

    private final MongoTemplate mongo;
    private final TimerBuckets buckets;
    /** null when the outbox relay is off (and in tests that make a store by hand): its scan finds the events */
    private final OutboxHints hints;
    private final RecentClocks recent;

    /** A store made by hand (tests, tools): no relay to tell, nothing remembered. */
    public SlaStore(MongoTemplate mongo) {
        this(mongo, null, 0);
    }

    SlaStore(MongoTemplate mongo, OutboxHints hints) {
        this(mongo, hints, 0);
    }

    /**
     * @param hints         the relay to tell of saved events; null when the relay is off (its scan finds them)
     * @param recentClocks  how many complaints' documents saved last are remembered for their next event; 0: none
     */
    public SlaStore(MongoTemplate mongo, OutboxHints hints, int recentClocks) {
        this.mongo = mongo;
        this.hints = hints;
        this.recent = new RecentClocks(recentClocks);
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
     * The clocks document of a complaint, to change and {@link #save}: the one this instance saved last if it
     * remembers it (no store round trip), else {@link #find}. A remembered one may be behind the stored one (another
     * instance or a timer claim changed it since); the versioned save then fails and forgets it, and the caller's retry
     * reads the stored one. Its outbox is empty: what is waiting there is the relay's, and a save keeps it. Whether an
     * event still needs applying is decided on the stored document ({@link SlaDocument#remembered()}).
     */
    public Optional<SlaDocument> findForUpdate(String complaintId) {
        SlaDocument remembered = recent.get(complaintId);
        if (remembered == null) {
            return find(complaintId);
        }
        remembered.registeredWakeAt = remembered.wakeAt; // listed in its bucket by the save that stored it
        remembered.remembered = true;
        return Optional.of(remembered);
    }

    /**
     * Insert when new, else save with optimistic locking. Throws on a lost race (caller reloads and retries).
     * <p>
     * Written through the driver with the document mapped by hand, with what {@code MongoTemplate.insert/save} of a
     * {@code @Version} entity did: a new document (version null) gets version 0 and is inserted, a duplicate {@code _id}
     * is a {@link DuplicateKeyException}; a loaded one gets version + 1 and is written on {@code (_id, version as
     * loaded)}, nothing modified is an {@link OptimisticLockingFailureException}. In both cases the version on
     * {@code doc} has moved before the write, as Spring Data moved it. The versioned write sets every field but the
     * outbox, to which it adds the events this save enqueued ({@link SlaDocumentMapping#update}): the outbox as loaded
     * is not written back (Spring Data's replace wrote it back, so an event the relay had sent meanwhile returned and
     * was only kept from a second send by the relay's {@code outbox_sent} look-up). No mapping events are published,
     * so the relay is told of the events here ({@link OutboxHints}, what Spring Data's AfterSaveEvent did).
     * <p>
     * The document as stored is remembered for the complaint's next event ({@link #findForUpdate}); a failed save
     * forgets it.
     */
    public void save(SlaDocument doc) {
        // listed in its bucket before the save: a crash in between leaves a stale entry, which the claim drops
        if (doc.wakeAt != null && !TimerBuckets.sameDue(doc.wakeAt, doc.registeredWakeAt)) {
            buckets.register(doc.id, doc.wakeAt, doc.updatedAt);
            doc.registeredWakeAt = doc.wakeAt;
        }
        Long loaded = doc.getVersion();
        long storing = loaded == null ? 0L : loaded + 1;
        doc.setVersion(storing);
        Document stored = SlaDocumentMapping.write(doc);
        try {
            if (loaded == null) {
                clocks(c -> c.insertOne(stored));
            } else {
                Document update = SlaDocumentMapping.update(stored, storing);
                UpdateResult result = clocks(c -> c.updateOne(new Document("_id", doc.id).append("version", loaded), update));
                if (result.getModifiedCount() == 0) {
                    throw new OptimisticLockingFailureException("Cannot save entity %s with version %s to collection %s; Has it been modified meanwhile"
                            .formatted(doc.id, doc.getVersion(), CLOCKS));
                }
            }
        } catch (RuntimeException e) {
            recent.forget(doc.id); // behind the stored document, or the write's outcome is unknown
            throw e;
        }
        recent.saved(doc.id, storing, stored);
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
        boolean claimed = mongo.updateFirst(cas, take, CLOCKS).getModifiedCount() == 1;
        if (claimed) {
            recent.forget(c.id()); // the claim moved the version: a remembered document would only fail its save
        }
        return claimed;
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
