package com.complaintdesk.localrun;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * What one Kafka record costs in CPU from producer to consumer on this machine, the clients' share and the broker's
 * (issue 7, ninth round), the Kafka half of the floor {@link StoreRoundTripBenchmark} measures for the store: the
 * services' own producer and consumer settings (idempotent, acks=all, one broker), a 1 KB event, without Spring Kafka
 * or anything of ours on top. Two ways: one record at a time, each sent and received before the next (what a complaint
 * meets at a few per second, one record per request), and in batches of 500 (what a load of hundreds per second
 * would let the clients do). Needs a running broker: {@code deploy/run-local.sh --infra-only} (its pid is the
 * broker's, from {@code pgrep -f kafka.Kafka}).
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp deploy/local-run/target/test-classes:deploy/local-run/target/classes:$(cat deploy/local-run/target/bench.cp) \
 *   com.complaintdesk.localrun.KafkaRoundTripBenchmark 127.0.0.1:9092 $(pgrep -f kafka.Kafka) 3000
 * </pre>
 */
public final class KafkaRoundTripBenchmark {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        long brokerPid = Long.parseLong(args[1]);
        int records = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        String topic = "bench-round-trip-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        String value = "{\"type\":\"ComplaintTriaged\",\"payload\":\"" + "x".repeat(950) + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            int key = 0;
            for (int round = 1; round <= 3; round++) {
                String label = "round " + round + (round == 1 ? " (warm-up)" : "");
                long[] before = cpu(brokerPid);
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "C-" + key++, value)).get();
                    int got = 0;
                    while (got == 0) {
                        got = consumer.poll(Duration.ofSeconds(5)).count();
                    }
                    if (i % 100 == 99) {
                        consumer.commitSync();
                    }
                }
                report(label, "one at a time", records, before, cpu(brokerPid));

                before = cpu(brokerPid);
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "C-" + key++, value)).get();
                }
                report(label, "sent one by one", records, before, cpu(brokerPid));
                int backlog = records;
                before = cpu(brokerPid);
                while (backlog > 0) {
                    backlog -= consumer.poll(Duration.ofSeconds(5)).count();
                }
                consumer.commitSync();
                report(label, "(then consumed)", records, before, cpu(brokerPid));

                before = cpu(brokerPid);
                int batches = Math.max(1, records / 100);
                for (int b = 0; b < batches; b++) {
                    Future<?> last = null;
                    for (int i = 0; i < 500; i++) {
                        last = producer.send(new ProducerRecord<>(topic, "C-" + key++, value));
                    }
                    last.get();
                    int got = 0;
                    while (got < 500) {
                        ConsumerRecords<String, String> polled = consumer.poll(Duration.ofSeconds(5));
                        got += polled.count();
                    }
                    consumer.commitSync();
                }
                report(label, "batches of 500", batches * 500, before, cpu(brokerPid));
            }
        }
    }

    /** {this process's CPU ns, the broker's CPU ns}. */
    private static long[] cpu(long brokerPid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat")).replaceFirst("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
        return new long[]{OS.getProcessCpuTime(), ticks * 1_000_000_000L / CLOCK_TICKS};
    }

    private static void report(String label, String way, int records, long[] before, long[] after) {
        double clients = (after[0] - before[0]) / 1e3 / records;
        double broker = (after[1] - before[1]) / 1e3 / records;
        System.out.printf("%-18s %-15s %,7d records: clients %6.1f µs  broker %6.1f µs  both %6.1f µs per record%n",
                label, way, records, clients, broker, clients + broker);
    }
}
