package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.reporting.statistics.domain.CounterCells;
import org.bson.Document;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
        List<Document> cellsRead = mongo.execute(COLLECTION, collection -> collection
                .find(new Document("_id", new Document("$in", new ArrayList<>(byId.keySet()))))
                .projection(new Document("recent", 1)).into(new ArrayList<>()));
        for (Document existing : cellsRead) {
            if (existing.getList("recent", String.class, List.of()).contains(deltaId)) {
                byId.remove(String.valueOf(existing.get("_id"))); // this cell already took this delta
            }
        }
        if (byId.isEmpty()) {
            return;
        }
        List<CellDelta> todo = List.copyOf(byId.values());
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(todo.size());
        for (CellDelta c : todo) {
            upserts.add(new UpdateOneModel<>(byId(c), update(deltaId, c), UPSERT));
        }
        List<CellDelta> raced = mongo.execute(COLLECTION, collection -> {
            try {
                collection.bulkWrite(upserts, UNORDERED);
                return List.<CellDelta>of();
            } catch (MongoBulkWriteException e) {
                List<CellDelta> again = new ArrayList<>();
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw new BulkOperationException(e.getMessage(), e); // what the template's bulk threw
                    }
                    again.add(todo.get(error.getIndex()));
                }
                return again;
            }
        });
        // another writer created those cells first (concurrent upserts of a new cell): now they exist
        for (CellDelta c : raced) {
            mongo.execute(COLLECTION, collection -> collection.updateOne(byId(c), update(deltaId, c), UPSERT));
        }
    }

    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private static Document byId(CellDelta c) {
        return new Document("_id", c.id());
    }

    /**
     * Built as a document, not through {@code Update} and the template's update mapping (a good part of this method's
     * CPU in the profile): the operators {@code Update.inc/push.slice.each/setOnInsert} mapped to, which
     * {@code LedgerDocumentCodecTest} compares.
     */
    static Document update(String deltaId, CellDelta c) {
        return new Document("$inc", new Document("count", c.delta()))
                .append("$push", new Document("recent",
                        new Document("$each", List.of(deltaId)).append("$slice", -REMEMBERED_DELTAS)))
                .append("$setOnInsert", new Document("g", c.granularity()).append("period", c.period())
                        .append("metric", c.metric()).append("dim", c.dimension()).append("value", c.value()));
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
