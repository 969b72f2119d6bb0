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

    private final MongoTemplate mongo;

    public SlaStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CLOCKS).createIndex(new Index().on("wakeAt", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("overdue", Sort.Direction.ASC));
        mongo.indexOps(CLOCKS).createIndex(new Index().on("leaseToken", Sort.Direction.ASC).sparse());
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
     * wakeAt index; each is then taken with a conditional findAndModify, so two instances never claim the same one.
     */
    public List<String> claimDue(Instant now, String owner, Duration lease, int max) {
        Criteria claimable = Criteria.where("wakeAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
        Query candidates = new Query(claimable).with(Sort.by(Sort.Direction.ASC, "wakeAt")).limit(max);
        candidates.fields().include("_id");
        List<Object> ids = new ArrayList<>();
        for (Document d : mongo.find(candidates, Document.class, CLOCKS)) {
            ids.add(d.get("_id"));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // one conditional multi-update claims the whole batch: a document another instance claimed (or fired) since
        // the look-up no longer matches; the batch token tells which ones this call won
        String token = owner + "/" + UUID.randomUUID();
        Query batch = new Query(Criteria.where("_id").in(ids).and("wakeAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now)));
        Update take = new Update().set("leaseOwner", owner).set("leaseToken", token).set("leaseUntil", now.plus(lease))
                .inc("version", 1L);
        if (mongo.updateMulti(batch, take, CLOCKS).getModifiedCount() == 0) {
            return List.of();
        }
        Query won = new Query(Criteria.where("leaseToken").is(token));
        won.fields().include("_id");
        List<String> claimed = new ArrayList<>();
        for (Document d : mongo.find(won, Document.class, CLOCKS)) {
            claimed.add(String.valueOf(d.get("_id")));
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
