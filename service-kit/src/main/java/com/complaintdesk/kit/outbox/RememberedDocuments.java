package com.complaintdesk.kit.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The documents with an outbox that this instance wrote last, mapped by Spring Data, and the write on one of them
 * without reading it first (issue 7; the rules are {@code RecentWrites}'): a listener applies a complaint's next event
 * to {@link #get}'s copy and stores it with {@link #write}, a {@link OutboxKeepingUpdate} conditioned on the version it
 * was remembered at. When another writer moved the document on, the write matches nothing, the copy is forgotten and
 * the caller applies the event to the stored document as before. Used by follow-up's cases and dispatch's cases;
 * sla maps its clocks by hand and uses {@link RecentDocuments} and {@link OutboxKeepingUpdate} directly.
 *
 * @param <T> the document class (its every change but the relay's moves the version; never deleted and created again)
 */
public final class RememberedDocuments<T extends OutboxDocument> {

    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final OutboxHints hints;
    private final RecentDocuments recent;
    /** every field a document of this class is stored with: a write unsets what a whole save would leave out */
    private final Set<String> fields;

    /**
     * @param hints    the relay to tell of events a write adds; null: its scan finds them
     * @param capacity how many documents are remembered; 0: none (every event reads)
     */
    public RememberedDocuments(MongoTemplate mongo, Class<T> type, String collection, OutboxHints hints, int capacity) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.hints = hints;
        this.recent = new RecentDocuments(capacity);
        Set<String> names = new LinkedHashSet<>();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .doWithProperties((MongoPersistentProperty p) -> names.add(p.getFieldName()));
        this.fields = Set.copyOf(names);
    }

    /** The document as this instance last wrote it (new objects, empty outbox), if remembered: a guess at the stored one. */
    public Optional<T> get(String id) {
        return recent.get(id).map(stored -> mongo.getConverter().read(type, stored));
    }

    /** Remembers a document just inserted or saved whole (at the version the save gave it). */
    public void saved(String id, T doc) {
        Document stored = new Document();
        mongo.getConverter().write(doc, stored);
        recent.written(id, doc.getVersion(), stored);
    }

    public void forget(String id) {
        recent.forget(id);
    }

    /**
     * Writes a {@link #get remembered} document (changed, its new events enqueued) on {@code (_id, version as
     * remembered)}, moving the version on as a save does; the outbox as stored only gains this write's events, and the
     * relay is hinted when it does.
     *
     * @return false when the stored document is not at that version (or is gone): it is forgotten, the version on
     *         {@code doc} is put back, and the caller applies the event to the stored document
     */
    public boolean write(String id, T doc) {
        Long remembered = doc.getVersion();
        if (remembered == null) {
            throw new IllegalArgumentException("not a remembered document: " + id);
        }
        long storing = remembered + 1;
        doc.setVersion(storing);
        Document written = new Document();
        mongo.getConverter().write(doc, written);
        Document update = OutboxKeepingUpdate.of(written, storing, fields);
        long matched;
        try {
            matched = mongo.execute(collection, c -> c.updateOne(
                    new Document("_id", id).append(VERSION, remembered), update)).getMatchedCount();
        } catch (RuntimeException e) {
            recent.forget(id); // the write's outcome is unknown
            doc.setVersion(remembered);
            throw e;
        }
        if (matched == 0) {
            recent.forget(id);
            doc.setVersion(remembered);
            return false;
        }
        recent.written(id, storing, written);
        if (hints != null && OutboxKeepingUpdate.addsEvents(update)) {
            hints.hint(collection, id); // what Spring Data's AfterSaveEvent does for a save
        }
        return true;
    }
}
