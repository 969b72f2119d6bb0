package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document the store handed to a reader does not change under it: mongo-java-server updates the stored instance in
 * place, which made a reply being encoded fail with a ConcurrentModificationException (seen under load: the client got
 * no answer) or carry half of an update. The store's collections hand out copies, and keep the H2 backend's map names.
 */
class StoreCopiesTest {

    @TempDir
    Path dir;

    private static List<Document> query(MongoCollection<?> c, Document selector) {
        List<Document> out = new ArrayList<>();
        c.handleQuery(selector).forEach(out::add);
        return out;
    }

    @Test
    void a_document_a_query_returned_is_not_changed_by_a_later_update_and_the_update_is_stored() {
        KeyIndexedH2Backend backend = new KeyIndexedH2Backend(MVStore.open(dir.resolve("s.mv.db").toString()));
        try {
            MongoDatabase db = backend.resolveDatabase("t");
            MongoCollection<?> c = db.createCollectionOrThrowIfExists("cases");
            c.addDocument(new Document("_id", "C-1").append("status", "NEW").append("version", 0L)
                    .append("outbox", new ArrayList<>(List.of(new Document("outboxId", "e1")))));

            Document read = query(c, new Document("_id", "C-1")).get(0);
            c.updateDocuments(new Document("_id", "C-1"), new Document("$set", new Document("status", "DISPATCHED")
                            .append("leaseOwner", "relay-1")).append("$inc", new Document("version", 1L))
                            .append("$unset", new Document("outbox", "")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());

            // the reader's document is as it was read: no key added or removed, no value replaced
            assertEquals("NEW", read.get("status"));
            assertEquals(0L, read.get("version"));
            assertTrue(read.containsKey("outbox"));
            assertFalse(read.containsKey("leaseOwner"));
            // the update itself is stored
            Document stored = query(c, new Document("_id", "C-1")).get(0);
            assertEquals("DISPATCHED", stored.get("status"));
            assertEquals(1L, stored.get("version"));
            assertEquals("relay-1", stored.get("leaseOwner"));
            assertFalse(stored.containsKey("outbox"));
            // a change inside a nested value is made on a clone too: the nested values a reader shares stay as read
            Document again = query(c, new Document("_id", "C-1")).get(0);
            c.updateDocuments(new Document("_id", "C-1"), new Document("$set", new Document("lease.owner", "relay-2")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            c.updateDocuments(new Document("_id", "C-1"), new Document("$set", new Document("lease.owner", "relay-3")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            assertEquals("relay-3", ((Document) query(c, new Document("_id", "C-1")).get(0).get("lease")).get("owner"));
            assertFalse(again.containsKey("lease"));
            Document withLease = query(c, new Document("_id", "C-1")).get(0);
            c.updateDocuments(new Document("_id", "C-1"), new Document("$set", new Document("lease.owner", "relay-4")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            assertEquals("relay-3", ((Document) withLease.get("lease")).get("owner"));
            // and two reads are two copies: changing one changes neither the other nor the store
            Document first = query(c, new Document("_id", "C-1")).get(0);
            first.put("status", "SCRIBBLED");
            assertEquals("DISPATCHED", query(c, new Document("_id", "C-1")).get(0).get("status"));
        } finally {
            backend.close();
        }
    }

    @Test
    void data_written_through_the_copying_collections_is_read_by_the_plain_h2_backend() {
        String file = dir.resolve("compat.mv.db").toString();
        KeyIndexedH2Backend backend = new KeyIndexedH2Backend(MVStore.open(file));
        backend.resolveDatabase("t").createCollectionOrThrowIfExists("cases")
                .addDocument(new Document("_id", "C-2").append("status", "NEW"));
        backend.close();
        H2Backend plain = new H2Backend(MVStore.open(file));
        try {
            MongoCollection<?> c = plain.resolveDatabase("t").resolveCollection("cases", true);
            List<Document> found = query(c, new Document("_id", "C-2"));
            assertEquals(1, found.size());
            assertEquals("NEW", found.get(0).get("status"));
        } finally {
            plain.close();
        }
    }

    /**
     * The store keeps no running total of the collections' sizes (a quarter of its CPU under load): what it stores,
     * counts and finds after inserts, updates and removals is unchanged by that, here and after reopening the file.
     */
    @Test
    void documents_inserted_updated_and_removed_are_counted_and_found_again_after_a_reopen() {
        String file = dir.resolve("sizes.mv.db").toString();
        KeyIndexedH2Backend backend = new KeyIndexedH2Backend(MVStore.open(file));
        try {
            MongoCollection<?> c = backend.resolveDatabase("t").createCollectionOrThrowIfExists("cases");
            for (int i = 1; i <= 3; i++) {
                c.addDocument(new Document("_id", "C-" + i).append("status", "NEW").append("version", 0L));
            }
            c.updateDocuments(new Document("_id", "C-2"), new Document("$set", new Document("status", "CLOSED")
                    .append("history", new ArrayList<>(List.of("a long history entry".repeat(50))))),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            c.deleteDocuments(new Document("_id", "C-3"), 1, NoopOplog.get());
            assertEquals(2, c.count());
            assertEquals(2, ((Number) c.getStats().get("count")).intValue());
        } finally {
            backend.close();
        }
        KeyIndexedH2Backend reopened = new KeyIndexedH2Backend(MVStore.open(file));
        try {
            MongoCollection<?> c = reopened.resolveDatabase("t").resolveCollection("cases", true);
            assertEquals(2, c.count());
            assertEquals("CLOSED", query(c, new Document("_id", "C-2")).get(0).get("status"));
            assertTrue(query(c, new Document("_id", "C-3")).isEmpty());
        } finally {
            reopened.close();
        }
    }
}
