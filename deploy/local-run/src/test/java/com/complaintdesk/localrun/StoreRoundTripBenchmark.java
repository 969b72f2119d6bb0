package com.complaintdesk.localrun;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * What one store round trip costs in CPU on this machine, the client's share and the store's (issue 7, ninth round):
 * every complaint makes about 80 of them, so their price times 80 is a floor under the system's CPU per complaint that
 * no change to our own code can go below. The driver (the same one the services use, without Spring Data's mapping
 * on top) and the store run in this one JVM; the calling thread's CPU is the client's, the rest of the process's CPU
 * (the store's network and worker threads, the MVStore's writer, the collector) is the store's. The same operations
 * are run against the launcher's store (H2, {@link MongoWireStore}) and against mongo-java-server's in-memory backend,
 * which shows what persisting costs. Complaint-sized documents (about 2.5 KB, a nested history and an outbox).
 * A main class, not a test (docs/performance.md, "Ninth round", has the command and the figures):
 * <pre>
 * ./mvnw -q -o -pl deploy/local-run test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -XX:TieredStopAtLevel=1 -cp deploy/local-run/target/test-classes:deploy/local-run/target/classes:$(cat deploy/local-run/target/bench.cp) \
 *   com.complaintdesk.localrun.StoreRoundTripBenchmark 5000      # operations per kind and round
 * </pre>
 */
public final class StoreRoundTripBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        System.out.printf("store round trips, %,d per kind and round, %d documents of %d bytes (BSON)%n",
                operations, DOCUMENTS, new org.bson.RawBsonDocument(complaint(0), new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining());
        Path dir = Files.createTempDirectory("store-round-trip-bench");
        try (MongoWireStore h2 = MongoWireStore.start(dir, "127.0.0.1", 0)) {
            run("H2 (the launcher's store)", h2.baseUri(), operations);
        }
        MongoServer memory = new MongoServer(new MemoryBackend());
        try {
            var address = memory.bind();
            run("in memory", "mongodb://127.0.0.1:" + address.getPort(), operations);
        } finally {
            memory.shutdown();
        }
    }

    private static void run(String store, String uri, int operations) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> cases = client.getDatabase("bench").getCollection("cases");
            // what the services write on: without this unique index the store reads the whole collection for a
            // {_id, version} filter (the kit creates it on the local run: kit.outbox.id-indexes)
            cases.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(complaint(i));
            }
            cases.insertMany(batch);
            Random random = new Random(7);
            long[] version = new long[DOCUMENTS];
            int[] inserted = {DOCUMENTS};
            for (int round = 1; round <= 3; round++) {
                String label = store + ", round " + round + (round == 1 ? " (warm-up)" : "");
                measure(label, "find by _id", operations, i -> cases.find(Filters.eq("_id", id(random.nextInt(DOCUMENTS)))).first());
                measure(label, "update by _id + version ($set, $inc)", operations, i -> {
                    int n = random.nextInt(DOCUMENTS);
                    cases.updateOne(new Document("_id", id(n)).append("version", version[n]),
                            Updates.combine(Updates.set("status", "STEP-" + i), Updates.set("updatedAt", new Date()),
                                    Updates.inc("version", 1L)));
                    version[n]++;
                });
                measure(label, "update by _id + version, every field", operations, i -> {
                    int n = random.nextInt(DOCUMENTS);
                    Document set = complaint(n);
                    set.remove("_id");
                    set.remove("outbox");
                    set.remove("outboxPending");
                    set.put("status", "STEP-" + i);
                    set.put("version", version[n] + 1);
                    cases.updateOne(new Document("_id", id(n)).append("version", version[n]), new Document("$set", set));
                    version[n]++;
                });
                measure(label, "insert", operations / 4, i -> cases.insertOne(complaint(inserted[0]++)));
            }
            cases.drop();
        }
    }

    private static void measure(String label, String operation, int count, IntConsumer op) {
        long thread = THREADS.getCurrentThreadCpuTime();
        long process = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < count; i++) {
            op.accept(i);
        }
        long clientNs = THREADS.getCurrentThreadCpuTime() - thread;
        long allNs = OS.getProcessCpuTime() - process;
        long wallNs = System.nanoTime() - wall;
        System.out.printf("%-36s %-38s client %6.1f µs  store %6.1f µs  both %6.1f µs  wall %6.1f µs per operation%n",
                label, operation, clientNs / 1e3 / count, (allNs - clientNs) / 1e3 / count, allNs / 1e3 / count,
                wallNs / 1e3 / count);
    }

    private static String id(int n) {
        return "C-" + n;
    }

    private static Document complaint(int n) {
        List<Document> history = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            history.add(new Document("at", new Date()).append("type", "StepRecorded").append("by", "officer-" + h)
                    .append("note", "处理进度说明 step " + h + " ".repeat(10) + "details of what was done"));
        }
        return new Document("_id", id(n)).append("version", 0L).append("status", "RECEIVED")
                .append("category", "BILLING_REFUND").append("channel", "PHONE").append("receivedAt", new Date())
                .append("text", "我在贵公司营业厅办理退款，工作人员答应七个工作日内到账，但至今未收到。".repeat(4))
                .append("history", history)
                .append("outbox", List.of(new Document("eventId", "e-" + n).append("topic", "complaint.intake")
                        .append("payload", "{\"type\":\"ComplaintReceived\",\"number\":\"" + id(n) + "\"}".repeat(3))))
                .append("outboxPending", false);
    }
}
