package com.complaintdesk.localrun;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox relay's scan ({@code {outboxPending: true}}, projected, limited) is answered from the ids the store keeps
 * of pending documents (issue 7, eighth round): always what reading the whole collection answers, after inserts,
 * updates, replacements, upserts, deletes and a restart.
 */
class PendingScanTest {

    @TempDir
    Path data;

    /** The relay's scan, as its driver sends it. */
    static Set<String> relayScan(MongoCollection<Document> c, int limit) {
        Set<String> ids = new TreeSet<>();
        for (Document d : c.find(new Document("outboxPending", true))
                .projection(new Document("_id", 1).append("outboxLeaseUntil", 1)).limit(limit)) {
            assertTrue(Set.of("_id", "outboxLeaseUntil").containsAll(d.keySet()), "projected: " + d.keySet());
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    /** The same question in a form the store can only answer by reading every document. */
    static Set<String> fullScan(MongoCollection<Document> c) {
        Set<String> ids = new TreeSet<>();
        for (Document d : c.find(Filters.and(Filters.eq("outboxPending", true), Filters.exists("_id")))) {
            ids.add(d.getString("_id"));
        }
        return ids;
    }

    @Test
    void the_relays_scan_answers_what_a_full_scan_answers_through_every_kind_of_write_and_a_restart() throws Exception {
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Document d = new Document("_id", "C-" + i).append("version", 0L).append("status", "NEW");
                if (i % 10 == 0) {
                    d.append("outboxPending", true).append("outbox", List.of(new Document("outboxId", "e" + i)));
                } else if (i % 3 == 0) {
                    d.append("outboxPending", false);
                }
                docs.add(d);
            }
            cases.insertMany(docs);
            assertEquals(20, fullScan(cases).size());
            assertEquals(fullScan(cases), relayScan(cases, 100));

            // the relay empties one; a save adds events to two others; a replace drops the flag; an upsert adds one
            cases.updateOne(Filters.and(Filters.eq("_id", "C-10"), Filters.eq("version", 0L)),
                    Updates.combine(Updates.set("outbox", List.of()), Updates.set("outboxPending", false)));
            cases.updateOne(Filters.eq("_id", "C-3"), Updates.combine(Updates.set("outboxPending", true), Updates.inc("version", 1L)));
            cases.updateMany(Filters.in("_id", "C-7", "C-8"), Updates.set("outboxPending", true));
            cases.replaceOne(Filters.eq("_id", "C-20"), new Document("_id", "C-20").append("version", 1L).append("status", "DONE"));
            cases.updateOne(Filters.eq("_id", "C-new"), Updates.set("outboxPending", true), new UpdateOptions().upsert(true));
            cases.replaceOne(Filters.eq("_id", "C-new2"), new Document("outboxPending", true), new ReplaceOptions().upsert(true));
            cases.deleteOne(Filters.eq("_id", "C-30"));
            cases.findOneAndUpdate(Filters.eq("_id", "C-40"), Updates.unset("outboxPending"));

            Set<String> expected = fullScan(cases);
            assertTrue(expected.containsAll(List.of("C-3", "C-7", "C-8", "C-new", "C-new2")), expected.toString());
            for (String gone : List.of("C-10", "C-20", "C-30", "C-40")) {
                assertFalse(expected.contains(gone), gone);
            }
            assertEquals(expected, relayScan(cases, 100));
            Set<String> firstFive = relayScan(cases, 5);
            assertEquals(5, firstFive.size());
            assertTrue(expected.containsAll(firstFive));
            // other queries on the field are the store's own
            assertEquals(cases.countDocuments(Filters.and(Filters.eq("outboxPending", false), Filters.exists("_id"))),
                    cases.countDocuments(new Document("outboxPending", false)));
        }
        try (MongoWireStore store = MongoWireStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            assertEquals(21, fullScan(cases).size());
            assertEquals(fullScan(cases), relayScan(cases, 100), "after a restart");
        }
    }
}
