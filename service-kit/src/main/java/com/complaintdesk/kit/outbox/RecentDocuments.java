package com.complaintdesk.kit.outbox;

import com.complaintdesk.kit.mongo.RecentWrites;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link RecentWrites} of stored documents as their BSON bytes, without their outbox: what a service whose documents
 * carry an outbox remembers (the relay changes the outbox without moving the version, so it is never remembered; the
 * write from a remembered document then leaves the outbox as stored, {@code OutboxKeepingUpdate}). The bytes cannot
 * change, so the same instance is kept and handed out; each {@link #get} decodes a new {@link Document}, which the
 * caller maps as it maps a find's answer.
 */
public final class RecentDocuments {

    private static final DocumentCodec CODEC = new DocumentCodec();

    private record Stored(long version, RawBsonDocument bson) {
    }

    private final boolean on;
    private final RecentWrites<Stored> recent;

    /** @param capacity how many keys are remembered (the least recently used goes first); 0: none */
    public RecentDocuments(int capacity) {
        this.on = capacity > 0;
        this.recent = new RecentWrites<>(capacity, UnaryOperator.identity(), Stored::version);
    }

    /** The document last written under {@code key} (a new instance, without its outbox), if remembered. */
    public Optional<Document> get(String key) {
        return recent.get(key).map(s -> s.bson().decode(CODEC));
    }

    /** Remembers a document as just stored at {@code version}, without the relay's part. */
    public void written(String key, long version, Document stored) {
        if (!on) {
            return;
        }
        Document kept = new Document(stored); // top-level copy; nested values are only read by the encoding
        OutboxKeepingUpdate.RELAY_FIELDS.forEach(kept::remove); // the relay's part: never remembered
        recent.written(key, new Stored(version, new RawBsonDocument(kept, CODEC)));
    }

    /** Forgets a key whose stored document changed (or may have) other than by this instance's last write. */
    public void forget(String key) {
        recent.forget(key);
    }

    public void clear() {
        recent.clear();
    }
}
