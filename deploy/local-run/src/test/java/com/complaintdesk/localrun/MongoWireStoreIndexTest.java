package com.complaintdesk.localrun;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's unique indexes ({@link KeyIndexedH2Backend}) answer as the H2 backend's own did: look-ups by the exact
 * keys of a unique index, duplicate keys refused, across restarts, and on a data directory written by the plain H2
 * backend (its index maps are replaced and rebuilt from the documents).
 */
class MongoWireStoreIndexTest {

    @TempDir
    Path data;

    @Test
    void unique_and_compound_indexes_find_by_their_keys_and_refuse_duplicates_across_a_restart() {
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> docs = fill(client);
            assertCollection(docs);
            assertObjectIds(client.getDatabase("t").getCollection("audit"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            assertCollection(client.getDatabase("t").getCollection("docs"));
            assertObjectIds(client.getDatabase("t").getCollection("audit"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_data_dir_written_by_the_plain_h2_backend_gets_its_indexes_rebuilt() throws Exception {
        Path file = data.resolve("mongo").resolve("store.mv.db");
        java.nio.file.Files.createDirectories(file.getParent());
        H2Backend plain = new H2Backend(file.toString());
        MongoServer server = new MongoServer(plain);
        try {
            var address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                fill(client);
            }
        } finally {
            server.shutdown();
            plain.close();
        }
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertCollection(docs);
            assertObjectIds(client.getDatabase("t").getCollection("audit"));
            docs.insertOne(new Document("_id", "later").append("version", 1L).append("n", 1000));
            assertEquals("later", docs.find(new Document("_id", "later").append("version", 1L)).first().get("_id"));
        }
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertCollection(docs);
            assertNotNull(docs.find(new Document("_id", "later").append("version", 1L)).first());
        }
    }

    @Test
    void a_dropped_and_recreated_collection_starts_with_empty_indexes() throws Exception {
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> docs = fill(client);
            docs.drop();
            MongoCollection<Document> again = client.getDatabase("t").getCollection("docs");
            again.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
            again.insertOne(new Document("_id", "d-1").append("version", 7L)); // its key was in the dropped index
            assertEquals(7L, again.find(new Document("_id", "d-1").append("version", 7L)).first().getLong("version"));
            assertEquals(1, again.countDocuments());
        }
    }

    /** 300 documents: String ids, a few ObjectIds, a compound unique index with a Long and with a missing field. */
    private static MongoCollection<Document> fill(MongoClient client) {
        MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
        docs.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true).name("_id_version"));
        docs.createIndex(new Document("_id", 1).append("leaseUntil", 1), new IndexOptions().unique(true).name("_id_lease"));
        docs.createIndex(new Document("key", 1), new IndexOptions().unique(true).name("key_unique"));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Document d = new Document("_id", "d-" + i).append("version", (long) i % 7).append("key", "k-" + i).append("n", i);
            if (i % 3 == 0) {
                d.append("leaseUntil", new Date(1_700_000_000_000L + i));
            }
            batch.add(d);
        }
        docs.insertMany(batch);
        client.getDatabase("t").getCollection("audit").insertMany(List.of(new Document("a", 1), new Document("a", 2)));
        return docs;
    }

    private static void assertCollection(MongoCollection<Document> docs) {
        assertTrue(docs.countDocuments() >= 300);
        for (int i = 0; i < 300; i += 7) {
            Document byId = docs.find(new Document("_id", "d-" + i)).first();
            assertNotNull(byId, "d-" + i);
            assertEquals(i, byId.getInteger("n"));
            assertEquals(i, docs.find(new Document("_id", "d-" + i).append("version", (long) i % 7)).first().getInteger("n"));
            assertNull(docs.find(new Document("_id", "d-" + i).append("version", (long) i % 7 + 1)).first());
            assertEquals(i, docs.find(new Document("key", "k-" + i)).first().getInteger("n"));
            Document lease = i % 3 == 0 ? new Document("_id", "d-" + i).append("leaseUntil", new Date(1_700_000_000_000L + i))
                    : new Document("_id", "d-" + i).append("leaseUntil", null);
            assertEquals(i, docs.find(lease).first().getInteger("n"), "by (_id, leaseUntil) " + lease);
        }
        MongoWriteException sameId = assertThrows(MongoWriteException.class,
                () -> docs.insertOne(new Document("_id", "d-5").append("key", "other")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, sameId.getError().getCategory());
        MongoWriteException sameKey = assertThrows(MongoWriteException.class,
                () -> docs.insertOne(new Document("_id", "other").append("key", "k-5")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, sameKey.getError().getCategory());
        // a versioned save: replace by (_id, version) moves the document to the next version, once
        var replaced = docs.replaceOne(new Document("_id", "d-8").append("version", 1L),
                new Document("_id", "d-8").append("version", 2L).append("key", "k-8").append("n", 8));
        assertEquals(1, replaced.getModifiedCount());
        assertEquals(0, docs.replaceOne(new Document("_id", "d-8").append("version", 1L), new Document("n", 0)).getModifiedCount());
        docs.replaceOne(new Document("_id", "d-8"), new Document("_id", "d-8").append("version", 1L).append("key", "k-8").append("n", 8));
    }

    /** Documents inserted without an id get an ObjectId, which H2 knows only as a Comparable object. */
    private static void assertObjectIds(MongoCollection<Document> audit) {
        List<Document> all = audit.find().into(new ArrayList<>());
        assertEquals(2, all.size());
        for (Document d : all) {
            ObjectId id = d.getObjectId("_id");
            assertEquals(d.getInteger("a"), audit.find(new Document("_id", id)).first().getInteger("a"));
        }
        MongoWriteException same = assertThrows(MongoWriteException.class,
                () -> audit.insertOne(new Document("_id", all.get(0).getObjectId("_id"))));
        assertEquals(ErrorCategory.DUPLICATE_KEY, same.getError().getCategory());
    }
}
