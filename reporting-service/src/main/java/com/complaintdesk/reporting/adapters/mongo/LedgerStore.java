package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.result.UpdateResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The ledger collection: one document per complaint, with indexes for the ledger query and the overdue check. */
@Component
public class LedgerStore {

    public static final String COLLECTION = "ledger";
    private static final List<String> INDEXED = List.of("entry.status", "entry.category", "entry.severity",
            "entry.department", "entry.channel", "entry.complainantType", "entry.receivedAt", "entry.nextDueAt",
            "entry.firstResolvedAt", "entry.updatedAt", "pendingCounters.createdAt");

    private final MongoTemplate mongo;
    private final LedgerDocumentCodec codec;
    private final boolean idIndexes;

    /**
     * @param idIndexes {@code kit.outbox.id-indexes}: also a unique {@code (_id, version)} index, which the
     *                  Mongo-wire store needs to answer a versioned save without reading the whole collection (it
     *                  uses an index only for a query naming exactly that index's fields); a real MongoDB does not
     */
    public LedgerStore(MongoTemplate mongo, @Value("${kit.outbox.id-indexes:false}") boolean idIndexes) {
        this.mongo = mongo;
        this.codec = new LedgerDocumentCodec(mongo.getConverter());
        this.idIndexes = idIndexes;
    }

    public void ensureIndexes() {
        for (String field : INDEXED) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(field, Sort.Direction.ASC));
        }
        if (idIndexes) {
            // unique because _id alone is: every save of an existing entry sends {_id, version}
            mongo.getCollection(COLLECTION).createIndex(new org.bson.Document("_id", 1).append("version", 1),
                    new IndexOptions().unique(true).name("_id_version"));
        }
    }

    /** The listener's read: by {@code _id} through the driver, mapped by hand (what {@code findById} read). */
    public Optional<LedgerDocument> find(String number) {
        org.bson.Document found = mongo.execute(COLLECTION,
                collection -> collection.find(new org.bson.Document("_id", number)).first());
        return Optional.ofNullable(found).map(codec::read);
    }

    public Optional<LedgerEntry> findEntry(String number) {
        return find(number).map(LedgerDocument::getEntry);
    }

    /**
     * Inserts or replaces under optimistic locking; throws on a concurrent change (the caller reloads and retries).
     * What {@code MongoTemplate.save} does for a {@code @Version} entity, with the document mapped by hand: a document
     * without a version is inserted with version 0 ({@code DuplicateKeyException} when another writer inserted it
     * first); one with a version replaces the stored one only where {@code (_id, version)} still match, with the
     * version incremented ({@code OptimisticLockingFailureException} when nothing was modified). Driver exceptions are
     * translated by the template as before. No mapping events: nothing listens for the ledger's (it has no outbox).
     */
    public LedgerDocument save(LedgerDocument doc) {
        Long previous = doc.getVersion();
        if (previous == null) {
            doc.setVersion(0L);
            org.bson.Document mapped = codec.write(doc);
            mongo.execute(COLLECTION, collection -> collection.insertOne(mapped));
            return doc;
        }
        doc.setVersion(previous + 1);
        org.bson.Document replacement = codec.write(doc);
        replacement.remove("_id");
        org.bson.Document filter = new org.bson.Document("_id", doc.getId()).append("version", previous);
        UpdateResult result = mongo.execute(COLLECTION, collection -> collection.replaceOne(filter, replacement));
        if (result.getModifiedCount() == 0) {
            throw new OptimisticLockingFailureException(String.format(
                    "Cannot save entity %s with version %s to collection %s; Has it been modified meanwhile",
                    doc.getId(), doc.getVersion(), COLLECTION));
        }
        return doc;
    }

    /** Queries by {@code _id} alone, so even a store without secondary indexes answers from its primary index. */
    public void removePending(String number, String deltaId) {
        org.bson.Document pull = new org.bson.Document("$pull",
                new org.bson.Document("pendingCounters", new org.bson.Document("deltaId", deltaId)));
        mongo.execute(COLLECTION, collection -> collection.updateOne(new org.bson.Document("_id", number), pull));
    }

    /** Ledger documents holding a counter change created before {@code cutoff} (left by an interrupted writer). */
    public List<LedgerDocument> withPendingCountersBefore(java.time.Instant cutoff, int limit) {
        return mongo.find(new Query(Criteria.where("pendingCounters.createdAt").lt(cutoff)).limit(limit),
                LedgerDocument.class, COLLECTION);
    }

    public List<LedgerEntry> find(Query query) {
        return mongo.find(query, LedgerDocument.class, COLLECTION).stream().map(LedgerDocument::getEntry).toList();
    }

    public long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), LedgerDocument.class, COLLECTION);
    }

    public void clear() {
        mongo.dropCollection(COLLECTION);
        ensureIndexes();
    }
}
