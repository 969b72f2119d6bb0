package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.RecentDocuments;
import com.complaintdesk.kit.mongo.RecentWrites;
import org.bson.Document;

/**
 * The clocks documents this instance saved last ({@link RecentWrites}), so the next event of the same complaint is
 * applied without reading the document first. Events of one complaint share a partition (keyed by complaint number),
 * so the instance that saved a complaint's clocks usually applies its next event too.
 * <p>
 * {@link RecentWrites} wants documents whose every change moves the version. Every writer of the clocks does (this
 * service's versioned saves, the timer claim) except the outbox relay, which removes sent events, clears
 * {@code outboxPending} and leases without moving it. So the outbox is not remembered, and the versioned save never
 * writes the outbox it loaded ({@link SlaDocumentMapping#update}): the fields the relay changes are never written from
 * a remembered document. Documents of {@code sla_clocks} are never deleted.
 * <p>
 * What is kept is the document's BSON bytes, as a find would receive them (a few kB; as {@code org.bson.Document}
 * objects about four times that), which nothing can change; each look-up decodes and maps them into new objects
 * (the kit's {@link RecentDocuments}).
 */
final class RecentClocks {

    private final RecentDocuments recent;

    /** @param capacity how many complaints are remembered (the least recently used goes first); 0: none */
    RecentClocks(int capacity) {
        this.recent = new RecentDocuments(capacity);
    }

    /** The document last saved for {@code complaintId}, as new objects (with an empty outbox), or null. */
    SlaDocument get(String complaintId) {
        return recent.get(complaintId).map(SlaDocumentMapping::read).orElse(null);
    }

    /** Remembers a document just stored at {@code version} ({@link SlaDocumentMapping#write}), without its outbox. */
    void saved(String complaintId, long version, Document stored) {
        recent.written(complaintId, version, stored);
    }

    /** Forgets a complaint whose stored document changed (or may have) other than by this instance's last save. */
    void forget(String complaintId) {
        recent.forget(complaintId);
    }
}
