package com.complaintdesk.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Reads topics from the beginning in a background thread so a test can wait for a record it expects.
 * Close it at the end of the test.
 */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public EventProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topics));
        poller = new Thread(() -> {
            while (running) {
                try {
                    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    return;
                }
            }
        }, "event-probe");
        poller.setDaemon(true);
        poller.start();
    }

    public List<ConsumerRecord<String, String>> records() {
        return new ArrayList<>(seen);
    }

    /** Waits until at least {@code count} records match, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> hits = seen.stream().filter(match).toList();
            if (hits.size() >= count) {
                return hits;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " matching records within " + timeout + ", saw "
                + seen.stream().filter(match).count() + " of " + seen.size());
    }

    /** Records whose JSON value contains the given type, e.g. {@code "\"type\":\"ComplaintDispatched\""}. */
    public static Predicate<ConsumerRecord<String, String>> ofType(String complaintId, String type) {
        return r -> complaintId.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\"");
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
