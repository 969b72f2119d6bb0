package com.complaintdesk.reporting.adapters.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.lang.management.ManagementFactory;

/**
 * Not a unit test: a command that prints what one mapping round trip (write to a BSON document, read it back) of a
 * representative ledger document costs, Spring Data's {@code MappingMongoConverter} against {@link LedgerDocumentCodec}:
 * the time and the bytes allocated by this thread (the latter does not depend on the machine's load). No database:
 * the converter only. Run like {@code StatisticsBenchmark} (reporting-service/README.md). Args: [roundTrips=10000].
 */
public final class LedgerMappingBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1")) { // never connected
            MongoConverter converter = new MongoTemplate(client, "benchmark").getConverter();
            LedgerDocumentCodec codec = new LedgerDocumentCodec(converter);
            LedgerDocument doc = LedgerDocumentCodecTest.representative("C-1", 3L);
            Mapper spring = d -> {
                Document bson = new Document();
                converter.write(d, bson);
                return converter.read(LedgerDocument.class, bson);
            };
            Mapper hand = d -> codec.read(codec.write(d));
            for (int round = 1; round <= 3; round++) { // the first rounds warm the JIT up
                report("round " + round + " spring-data", spring, doc, n);
                report("round " + round + " hand-written", hand, doc, n);
            }
        }
    }

    interface Mapper {
        LedgerDocument roundTrip(LedgerDocument doc);
    }

    private static void report(String name, Mapper mapper, LedgerDocument doc, int n) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < n; i++) {
            sink += mapper.roundTrip(doc).getFacts().size();
        }
        long wall = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
        System.out.printf("%-26s %,d round trips: wall %,d ms, thread cpu %,d ms, %,.1f µs cpu and %,d bytes allocated per round trip (%d)%n",
                name, n, wall / 1_000_000, cpu / 1_000_000, cpu / 1000.0 / n, bytes / n, sink % 10);
    }
}
