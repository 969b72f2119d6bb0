package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.reporting.statistics.domain.CounterCells;
import org.bson.Document;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-aggregated statistics counters. A counter change is applied at most once per cell: each cell remembers the
 * ids of the last deltas it took and skips a delta it already took, so finishing a pending delta after a crash never
 * counts twice. Every query is by {@code _id} alone (mongo-java-server answers only such queries from an index).
 */
@Component
public class CounterStore {

    public static final String COLLECTION = "stat_counters";
    private static final int REMEMBERED_DELTAS = 64;

    private final MongoTemplate mongo;

    public CounterStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record CellDelta(String id, String granularity, String period, String metric, String dimension, String value,
                            int delta) {
        public static CellDelta of(CounterCells.Cell cell, int delta) {
            return new CellDelta(cell.id(), cell.granularity(), cell.period(), cell.metric(), cell.dimension(), cell.value(), delta);
        }
    }

    /** The counters of one cell. */
    public record Counter(String granularity, String period, String metric, String dimension, String value, long count) {
    }

    public void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("g", Sort.Direction.ASC).on("dim", Sort.Direction.ASC)
                .on("period", Sort.Direction.ASC));
    }

    /**
     * Applies one counter change to its cells, each at most once. Two round trips whatever the number of cells: one
     * read of the cells' remembered delta ids ({@code _id $in}, answered from the {@code _id} index), then one
     * unordered bulk of upserts for the cells that have not taken this delta yet. (It was two round trips per cell,
     * about 120 per complaint.) A cell listed twice takes the change once, as before.
     */
    public void apply(String deltaId, Collection<CellDelta> cells) {
        Map<String, CellDelta> byId = new LinkedHashMap<>();
        for (CellDelta c : cells) {
            byId.putIfAbsent(c.id(), c);
        }
        if (byId.isEmpty()) {
            return;
        }
        Query recentOnly = new Query(Criteria.where("_id").in(byId.keySet()));
        recentOnly.fields().include("recent");
        for (Document existing : mongo.find(recentOnly, Document.class, COLLECTION)) {
            if (existing.getList("recent", String.class, List.of()).contains(deltaId)) {
                byId.remove(String.valueOf(existing.get("_id"))); // this cell already took this delta
            }
        }
        if (byId.isEmpty()) {
            return;
        }
        List<CellDelta> todo = List.copyOf(byId.values());
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (CellDelta c : todo) {
            bulk.upsert(byIdQuery(c), update(deltaId, c));
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            // another writer created those cells first (concurrent upserts of a new cell): now they exist
            for (BulkWriteError error : e.getErrors()) {
                CellDelta c = todo.get(error.getIndex());
                mongo.upsert(byIdQuery(c), update(deltaId, c), COLLECTION);
            }
        }
    }

    private static final int DUPLICATE_KEY = 11000;

    private static Query byIdQuery(CellDelta c) {
        return new Query(Criteria.where("_id").is(c.id()));
    }

    private static Update update(String deltaId, CellDelta c) {
        return new Update().inc("count", c.delta())
                .push("recent").slice(-REMEMBERED_DELTAS).each(deltaId)
                .setOnInsert("g", c.granularity()).setOnInsert("period", c.period()).setOnInsert("metric", c.metric())
                .setOnInsert("dim", c.dimension()).setOnInsert("value", c.value());
    }

    /** Sums the cells of the given granularity whose period is in [from, to], for the total and one breakdown. */
    public List<Counter> read(String granularity, String fromPeriod, String toPeriod, Collection<String> dimensions) {
        Query q = new Query(Criteria.where("g").is(granularity).and("dim").in(dimensions)
                .and("period").gte(fromPeriod).lte(toPeriod));
        q.fields().include("g").include("period").include("metric").include("dim").include("value").include("count");
        List<Counter> out = new ArrayList<>();
        for (Document d : mongo.find(q, Document.class, COLLECTION)) {
            Number n = (Number) d.get("count");
            out.add(new Counter(d.getString("g"), d.getString("period"), d.getString("metric"), d.getString("dim"),
                    d.getString("value"), n == null ? 0 : n.longValue()));
        }
        return out;
    }

    /** Writes whole counters at once (the benchmark and the rebuild use this). */
    public void insertAll(Map<CounterCells.Cell, Integer> cells) {
        List<Document> docs = new ArrayList<>(cells.size());
        cells.forEach((c, n) -> docs.add(new Document("_id", c.id()).append("g", c.granularity()).append("period", c.period())
                .append("metric", c.metric()).append("dim", c.dimension()).append("value", c.value()).append("count", n)
                .append("recent", List.of())));
        for (int i = 0; i < docs.size(); i += 5000) {
            mongo.insert(docs.subList(i, Math.min(docs.size(), i + 5000)), COLLECTION);
        }
    }

    public void clear() {
        mongo.dropCollection(COLLECTION);
        ensureIndexes();
    }

    public static Map<String, Long> byMetric(Collection<Counter> counters) {
        Map<String, Long> m = new HashMap<>();
        counters.forEach(c -> m.merge(c.metric(), c.count(), Long::sum));
        return m;
    }
}
