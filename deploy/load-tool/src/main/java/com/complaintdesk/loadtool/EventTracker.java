package com.complaintdesk.loadtool;

import com.complaintdesk.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit's view of Kafka: a plain consumer (no group, nothing committed) assigned every partition of the intake,
 * triage and dispatch topics, positioned at the start time of the run, recording per complaint which event ids it
 * saw. A ComplaintDispatched seen twice with the same event id is a redelivery (at-least-once relay, allowed); two
 * different event ids for one complaint are a duplicate dispatch (a bug).
 */
public final class EventTracker implements AutoCloseable {

    /** Triage decisions that end a complaint's path before dispatch, so a missing dispatch is not a loss. */
    public static final Set<String> NO_DISPATCH_DECISIONS = Set.of("ComplaintRejected", "ComplaintTransferred", "AwaitingDocuments");

    /** What Kafka showed for one complaint. Written by the tracker thread only, read after the drain. */
    public static final class Trace {
        final Map<String, Integer> received = new ConcurrentHashMap<>();
        final Map<String, Integer> dispatched = new ConcurrentHashMap<>();
        final Map<String, String> dispatchDescriptions = new ConcurrentHashMap<>();
        final Map<String, String> dispatchPayloads = new ConcurrentHashMap<>();
        volatile String decision;
        volatile long firstDispatchSeenNanos;
        volatile Instant firstDispatchOccurredAt;

        public Map<String, Integer> dispatched() {
            return dispatched;
        }

        public Map<String, Integer> received() {
            return received;
        }

        /** event id → "department/handler severity occurredAt: reason", to tell two dispatches apart. */
        public Map<String, String> dispatchDescriptions() {
            return dispatchDescriptions;
        }

        /** event id → the payload as JSON: the same decision under two event ids is a duplicate. */
        public Map<String, String> dispatchPayloads() {
            return dispatchPayloads;
        }

        public String decision() {
            return decision;
        }

        public long firstDispatchSeenNanos() {
            return firstDispatchSeenNanos;
        }

        public Instant firstDispatchOccurredAt() {
            return firstDispatchOccurredAt;
        }

        /** Dispatched, or stopped by triage on purpose. */
        public boolean settled() {
            return !dispatched.isEmpty() || decision != null;
        }
    }

    private static final List<String> TOPICS = List.of(Topics.INTAKE, Topics.TRIAGE, Topics.DISPATCH);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Trace> traces = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final long fromMillis;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private volatile boolean running = true;
    private volatile Throwable failure;

    public EventTracker(String bootstrapServers, Instant from) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "load-tool-audit");
        this.consumer = new KafkaConsumer<>(p);
        this.fromMillis = from.toEpochMilli();
        this.thread = new Thread(this::run, "audit-consumer");
        this.thread.setDaemon(true);
    }

    public void start(Duration readyTimeout) throws InterruptedException {
        thread.start();
        if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the audit consumer could not reach Kafka within " + readyTimeout
                    + (failure == null ? "" : ": " + failure));
        }
        if (failure != null) {
            throw new IllegalStateException("the audit consumer failed: " + failure, failure);
        }
    }

    private void run() {
        long lastDiscovery = 0;
        try {
            while (running) {
                if (System.nanoTime() - lastDiscovery > TimeUnit.SECONDS.toNanos(2)) {
                    discover();
                    lastDiscovery = System.nanoTime();
                    ready.countDown();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(100));
                long seen = System.nanoTime();
                for (ConsumerRecord<String, String> r : batch) {
                    records.incrementAndGet();
                    handle(r, seen);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            ready.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Assigns partitions not yet assigned, each positioned at the first record at or after the start time. */
    private void discover() {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(5));
        List<TopicPartition> fresh = new ArrayList<>();
        for (String t : TOPICS) {
            for (PartitionInfo pi : topics.getOrDefault(t, List.of())) {
                TopicPartition tp = new TopicPartition(pi.topic(), pi.partition());
                if (!assigned.contains(tp)) {
                    fresh.add(tp);
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        // end offsets first: a record written after this call has an offset at or past them, so nothing falls between
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh, Duration.ofSeconds(5));
        Map<TopicPartition, Long> query = new HashMap<>();
        fresh.forEach(tp -> query.put(tp, fromMillis));
        Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(query, Duration.ofSeconds(5));
        assigned.addAll(fresh);
        consumer.assign(new ArrayList<>(assigned));
        for (TopicPartition tp : fresh) {
            OffsetAndTimestamp at = byTime.get(tp);
            consumer.seek(tp, at != null ? at.offset() : ends.getOrDefault(tp, 0L));
        }
    }

    private void handle(ConsumerRecord<String, String> r, long seenNanos) {
        JsonNode n;
        try {
            n = JSON.readTree(r.value());
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            return;
        }
        String type = n.path("type").asString("");
        String eventId = n.path("eventId").asString("");
        String complaint = n.path("complaintId").asString(r.key() == null ? "" : r.key());
        if (complaint.isEmpty() || eventId.isEmpty()) {
            unreadable.incrementAndGet();
            return;
        }
        if (r.topic().equals(Topics.INTAKE) && type.equals("ComplaintReceived")) {
            trace(complaint).received.merge(eventId, 1, Integer::sum);
        } else if (r.topic().equals(Topics.TRIAGE) && NO_DISPATCH_DECISIONS.contains(type)) {
            trace(complaint).decision = type;
        } else if (r.topic().equals(Topics.DISPATCH) && type.equals("ComplaintDispatched")) {
            Trace t = trace(complaint);
            if (t.dispatched.isEmpty()) {
                t.firstDispatchSeenNanos = seenNanos;
                try {
                    t.firstDispatchOccurredAt = Instant.parse(n.path("occurredAt").asString());
                } catch (RuntimeException e) {
                    t.firstDispatchOccurredAt = null;
                }
            }
            t.dispatched.merge(eventId, 1, Integer::sum);
            JsonNode p = n.path("payload");
            t.dispatchPayloads.putIfAbsent(eventId, p.toString());
            t.dispatchDescriptions.putIfAbsent(eventId, p.path("department").asString("?") + "/" + p.path("handler").asString("?")
                    + " " + p.path("severity").asString("?") + " at " + n.path("occurredAt").asString("?")
                    + (p.path("reason").isMissingNode() || p.path("reason").isNull() ? "" : ": " + p.path("reason").asString("")));
        } else if (r.topic().equals(Topics.TRIAGE) && type.equals("ComplaintAccepted")) {
            // evidence supplied later moves an AWAITING_DOCUMENTS complaint on: it is no longer a stop
            Trace t = traces.get(complaint);
            if (t != null && "AwaitingDocuments".equals(t.decision)) {
                t.decision = null;
            }
        }
    }

    private Trace trace(String complaint) {
        return traces.computeIfAbsent(complaint, k -> new Trace());
    }

    public Trace traceOf(String complaint) {
        return traces.get(complaint);
    }

    public Map<String, Trace> traces() {
        return traces;
    }

    public long records() {
        return records.get();
    }

    public long unreadable() {
        return unreadable.get();
    }

    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
