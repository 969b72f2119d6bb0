package com.complaintdesk.localrun;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The outbox relay's scan on the local store (issue 7, eighth round): {@code documents} complaint-sized documents,
 * one in a thousand pending, then the relay's exact query ({@code {outboxPending: true}}, projected, limit 100) timed.
 * Every service's relay runs it on each of its outbox collections every {@code kit.outbox.idle-poll} (2 s), so its
 * cost is the local system's idle cost, and before the store kept the pending ids it grew with the collection.
 * A main class, not a test (docs/performance.md, "Eighth round", has the command):
 * <pre>
 * java -cp deploy/local-run/target/test-classes:deploy/local-run/target/classes:$(cat deploy/local-run/target/bench.cp) \
 *   com.complaintdesk.localrun.PendingScanBenchmark 20000
 * </pre>
 */
public final class PendingScanBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("pending-scan-bench");
        try (MongoWireStore store = MongoWireStore.start(dir, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.baseUri())) {
            MongoCollection<Document> cases = client.getDatabase("bench").getCollection("cases");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "C-" + i).append("version", 3L).append("status", "DISPATCHED")
                        .append("outboxPending", i % 1000 == 0)
                        .append("history", List.of(new Document("at", new Date()).append("what", "received ".repeat(20)),
                                new Document("at", new Date()).append("what", "triaged ".repeat(20)))));
                if (batch.size() == 1000 || i == documents - 1) {
                    cases.insertMany(batch);
                    batch.clear();
                }
            }
            int scans = 50;
            for (int round = 1; round <= 5; round++) {
                long started = System.nanoTime();
                int found = 0;
                for (int i = 0; i < scans; i++) {
                    for (Document ignored : cases.find(new Document("outboxPending", true))
                            .projection(new Document("_id", 1).append("outboxLeaseUntil", 1)).limit(100)) {
                        found++;
                    }
                }
                System.out.printf("round %d: %,d documents, the relay's scan %.2f ms each, %d pending found%n",
                        round, documents, (System.nanoTime() - started) / 1e6 / scans, found / scans);
            }
        }
    }
}
