package com.complaintdesk.intake.adapters;

import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.kit.outbox.OutboxRelay;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of one service share its database: each pending event must still leave once, not once per
 * instance, and a lease left by an instance that died runs out so the events are not stuck.
 */
class OutboxRelayLeaseTest extends OutboxRelaySpringTest {

    private OutboxRelay relayOver(String collection) {
        var settings = new KitProperties("test", new KitProperties.Kafka(6, (short) 1, 3, Duration.ofMillis(200)),
                // a generous send timeout: on a loaded machine the broker's first answer for a new topic can take
                // longer than the relay's 10 s default, and a timed-out batch is released and sent again
                new KitProperties.Outbox(false, Duration.ofMillis(50), 20, Duration.ofSeconds(60), Duration.ofHours(1), true));
        var relay = new OutboxRelay(mongo, kafka, OutboxCollections.of(collection), settings, new SimpleMeterRegistry(), null);
        relay.createIndexes(); // the compound indexes the local run's store uses; the hint test below runs without them
        return relay;
    }

    private static Document pendingDoc(String topic, String id, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            outbox.add(new Document("outboxId", eventId(topic, id, i)).append("topic", topic).append("key", id)
                    .append("json", "{\"n\":\"" + id + "-" + i + "\"}"));
        }
        return new Document("_id", id).append("outbox", outbox).append("outboxPending", true);
    }

    @Test
    void two_instances_relaying_one_collection_send_every_event_once() throws Exception {
        String collection = "lease_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        for (int i = 0; i < 60; i++) {
            mongo.insert(pendingDoc(topic, "doc-" + i, 2), collection);
        }
        OutboxRelay a = relayOver(collection);
        OutboxRelay b = relayOver(collection);

        CompletableFuture<Integer> byA = CompletableFuture.supplyAsync(() -> drain(a, collection));
        CompletableFuture<Integer> byB = CompletableFuture.supplyAsync(() -> drain(b, collection));
        assertThat(byA.get() + byB.get()).isEqualTo(120);

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, 120, Duration.ofSeconds(30));
            Thread.sleep(500); // a duplicate, if any, has time to arrive
            List<String> values = probe.records().stream().map(r -> r.value()).toList();
            assertThat(values).hasSize(120).doesNotHaveDuplicates();
        }
        assertThat(mongo.getCollection(collection).countDocuments(new Document("outboxPending", true))).isZero();
    }

    @Test
    void a_live_lease_of_another_instance_is_respected_and_an_expired_one_is_taken_over() {
        String collection = "lease_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        mongo.insert(pendingDoc(topic, "held", 1)
                .append("outboxLeaseUntil", new Date(System.currentTimeMillis() + 60_000))
                .append("outboxLeaseOwner", "another-instance"), collection);
        mongo.insert(pendingDoc(topic, "abandoned", 1)
                .append("outboxLeaseUntil", new Date(System.currentTimeMillis() - 1_000))
                .append("outboxLeaseOwner", "a-dead-instance"), collection);

        assertThat(relayOver(collection).relayOnce()).isEqualTo(1);

        assertThat(mongo.getCollection(collection).find(new Document("_id", "abandoned")).first())
                .containsEntry("outboxPending", false).doesNotContainKey("outboxLeaseOwner");
        assertThat(mongo.getCollection(collection).find(new Document("_id", "held")).first())
                .containsEntry("outboxPending", true).containsEntry("outboxLeaseOwner", "another-instance");
    }

    @Test
    void an_event_written_back_by_a_save_that_raced_the_relay_is_not_sent_twice() throws Exception {
        String collection = "lease_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        OutboxRelay relay = relayOver(collection);
        Document loadedBeforeRelay = pendingDoc(topic, "raced", 1);
        mongo.insert(loadedBeforeRelay, collection);
        assertThat(relay.relayOnce()).isEqualTo(1);

        // a handler that read the document before the relay removed raced-0 saves it with one more event
        Document staleSave = pendingDoc(topic, "raced", 2);
        mongo.getCollection(collection).replaceOne(new Document("_id", "raced"), staleSave);
        assertThat(relay.relayOnce()).isEqualTo(1);

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, 2, Duration.ofSeconds(30));
            Thread.sleep(500);
            assertThat(probe.records().stream().map(r -> r.value()).toList())
                    .containsExactlyInAnyOrder("{\"n\":\"raced-0\"}", "{\"n\":\"raced-1\"}");
        }
        assertThat(mongo.getCollection(collection).find(new Document("_id", "raced")).first())
                .containsEntry("outboxPending", false);
    }

    @Test
    void a_hinted_document_is_relayed_at_once_and_the_scan_still_finds_what_no_hint_announced() throws Exception {
        String collection = "lease_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        var hints = new OutboxHints(OutboxCollections.of(collection), 100);
        var settings = new KitProperties("test", new KitProperties.Kafka(6, (short) 1, 3, Duration.ofMillis(200)),
                new KitProperties.Outbox(true, Duration.ofSeconds(4), 20, Duration.ofSeconds(10), Duration.ofHours(1), false));
        var relay = new OutboxRelay(mongo, kafka, OutboxCollections.of(collection), settings, new SimpleMeterRegistry(),
                null, hints);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            relay.start();
            try {
                Thread.sleep(500); // the first scan, at start, found nothing
                long before = System.nanoTime();
                mongo.insert(pendingDoc(topic, "hinted", 1), collection);
                hints.hint(collection, "hinted");
                probe.await(r -> r.value().contains("hinted-0"), 1, Duration.ofSeconds(30));
                // well before the next scan (4 s after the first): only the hint can have sent it
                assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));

                mongo.insert(pendingDoc(topic, "unannounced", 1), collection);
                probe.await(r -> r.value().contains("unannounced-0"), 1, Duration.ofSeconds(30));
                // the relay clears outboxPending just after Kafka's ack: wait for that before stopping it
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                        mongo.getCollection(collection).countDocuments(new Document("outboxPending", true)) == 0);
            } finally {
                relay.stop();
            }
            Thread.sleep(500);
            assertThat(probe.records().stream().map(r -> r.value()).toList())
                    .containsExactlyInAnyOrder("{\"n\":\"hinted-0\"}", "{\"n\":\"unannounced-0\"}");
        }
        assertThat(mongo.getCollection(collection).countDocuments(new Document("outboxPending", true))).isZero();
    }

    @Test
    void a_save_of_a_document_with_events_is_announced_to_the_relay() throws Exception {
        var hints = new OutboxHints(OutboxCollections.of("complaints"), 100);
        var doc = new com.complaintdesk.intake.adapters.mongo.ComplaintDocument();
        doc.setOutboxPending(true);
        doc.getOutbox().add(new com.complaintdesk.kit.outbox.OutboxEvent("e@t", "e", "T", "t", "k", "{}"));

        hints.onApplicationEvent(new AfterSaveEvent<>(doc, new Document("_id", "C-1"), "complaints"));
        hints.onApplicationEvent(new AfterSaveEvent<>(doc, new Document("_id", "C-2"), "not_an_outbox"));
        doc.setOutboxPending(false);
        doc.getOutbox().clear();
        hints.onApplicationEvent(new AfterSaveEvent<>(doc, new Document("_id", "C-3"), "complaints"));

        assertThat(hints.await(10, java.util.concurrent.TimeUnit.MILLISECONDS, 10))
                .containsExactly(new OutboxHints.Hint("complaints", "C-1"));
    }

    private static int drain(OutboxRelay relay, String collection) {
        int sent = 0;
        for (int pass = 0; pass < 200; pass++) {
            sent += relay.relayOnce();
        }
        return sent;
    }
}
