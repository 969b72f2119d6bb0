package com.complaintdesk.sla.adapters.mongo;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
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
 * found through an index on it and claimed with an atomic conditional update that sets a lease (and bumps the
 * version, so a concurrent writer reloads and keeps the lease). A lease that runs out makes the timer claimable again.
 */
@Component
public class SlaStore {

    public static final String CLOCKS = "sla_clocks";
    public static final String DAILY_REPORTS = "sla_daily_reports";
    static final String ID_VERSION_INDEX = "id_version";

    private final MongoTemplate mongo;

    public SlaStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CLOCKS).createIndex(new Index().on("wakeAt", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("overdue", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).sparse());
        // every conditional write here is {_id, version} (Spring Data's versioned save, the timer claim). MongoDB
        // serves it from the _id index anyway; mongo-java-server uses an index only when the query's keys are exactly
        // an index's keys and ignores non-unique ones, so without this unique index each such write scans the collection
        mongo.indexOps(CLOCKS).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC)
                .unique().named(ID_VERSION_INDEX));
    }

    public Optional<SlaDocument> find(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, SlaDocument.class));
    }

    /** Insert when new, else save with optimistic locking. Throws on a lost race (caller reloads and retries). */
    public void save(SlaDocument doc) {
        if (doc.getVersion() == null) {
            mongo.insert(doc);
        } else {
            mongo.save(doc);
        }
    }

    /**
     * Claims up to {@code max} timers due at {@code now} for {@code owner}, oldest first. Candidates come from the
     * wakeAt index; each is then taken with a compare-and-set on {_id, version} (one indexed write), so two instances
     * never claim the same one.
     */
    public List<String> claimDue(Instant now, String owner, Duration lease, int max) {
        Criteria claimable = Criteria.where("wakeAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
        Query candidates = new Query(claimable).with(Sort.by(Sort.Direction.ASC, "wakeAt")).limit(max);
        candidates.fields().include("_id").include("version");
        List<Document> found = mongo.find(candidates, Document.class, CLOCKS);
        if (found.isEmpty()) {
            return List.of();
        }
        // each candidate is taken with a compare-and-set on its version: a document another instance claimed (or
        // fired, or a life-cycle event changed) since the look-up has a new version and no longer matches
        String token = owner + "/" + UUID.randomUUID();
        Update take = new Update().set("leaseOwner", owner).set("leaseToken", token).set("leaseUntil", now.plus(lease))
                .inc("version", 1L);
        List<String> claimed = new ArrayList<>();
        for (Document d : found) {
            Query cas = new Query(Criteria.where("_id").is(d.get("_id")).and("version").is(d.get("version")));
            if (mongo.updateFirst(cas, take, CLOCKS).getModifiedCount() == 1) {
                claimed.add(String.valueOf(d.get("_id")));
            }
        }
        return claimed;
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
