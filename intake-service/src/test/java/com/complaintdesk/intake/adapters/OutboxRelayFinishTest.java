package com.complaintdesk.intake.adapters;

import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.kit.outbox.OutboxRelay;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the outbox relay finishes a batch: a document still at the version its claim read is emptied and cleared in one
 * compare-and-set; one that a domain save changed meanwhile keeps the events that save added, and those go out once,
 * later. Every record carries its event type as a header. A hinted document is claimed without being read first,
 * and never from another instance that holds it.
 */
class OutboxRelayFinishTest extends OutboxRelaySpringTest {

    private static KitProperties settings(Duration idlePoll) {
        return new KitProperties("test", new KitProperties.Kafka(6, (short) 1, 3, Duration.ofMillis(200)),
                new KitProperties.Outbox(false, idlePoll, 20, Duration.ofSeconds(60), Duration.ofHours(1), true));
    }

    private OutboxRelay relayOver(String collection, KafkaTemplate<String, String> template) {
        var relay = new OutboxRelay(mongo, template, OutboxCollections.of(collection), settings(Duration.ofMillis(50)),
                new SimpleMeterRegistry(), null);
        relay.createIndexes();
        return relay;
    }

    /** A domain document as the services save it: with a version, and events that name their type. */
    private static Document savedDoc(String topic, String id, long version, int events) {
        List<Document> outbox = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            outbox.add(event(topic, id, i));
        }
        return new Document("_id", id).append("version", version).append("outbox", outbox).append("outboxPending", true);
    }

    private static Document event(String topic, String id, int i) {
        return new Document("outboxId", eventId(topic, id, i)).append("eventId", eventId(topic, id, i)).append("type", "Type" + i)
                .append("topic", topic).append("key", id).append("json", "{\"n\":\"" + id + "-" + i + "\"}");
    }

    @Test
    void a_document_still_at_its_version_is_emptied_in_one_step_and_every_record_names_its_type() throws Exception {
        String collection = "finish_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        OutboxRelay relay = relayOver(collection, kafka);
        mongo.insert(savedDoc(topic, "alone", 7, 2), collection);
        assertThat(relay.relayOnce()).isEqualTo(2); // one document: claimed with findAndModify
        for (int i = 0; i < 3; i++) {
            mongo.insert(savedDoc(topic, "batch-" + i, i, 1), collection);
        }
        assertThat(relay.relayOnce()).isEqualTo(3); // several: one bulk claim and one read back

        for (Document d : mongo.getCollection(collection).find()) {
            assertThat(d.getList("outbox", Document.class)).as(d.toJson()).isEmpty();
            assertThat(d).containsEntry("outboxPending", false).doesNotContainKeys("outboxLeaseUntil", "outboxLeaseOwner");
        }
        assertThat(mongo.getCollection(collection).find(new Document("_id", "alone")).first().getLong("version")).isEqualTo(7L);

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, 5, Duration.ofSeconds(30));
            Thread.sleep(500);
            List<ConsumerRecord<String, String>> records = probe.records();
            assertThat(records).hasSize(5);
            for (ConsumerRecord<String, String> r : records) {
                String n = r.value().replaceAll(".*-(\\d)\"}$", "$1");
                assertThat(new String(r.headers().lastHeader(EventCodec.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                        .isEqualTo("Type" + n);
            }
        }
    }

    @Test
    void an_event_a_save_added_during_the_send_stays_pending_and_goes_out_once() throws Exception {
        String collection = "finish_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        AtomicBoolean saved = new AtomicBoolean();
        // while the relay waits for Kafka, a handler saves the document with one more event (version 1 -> 2)
        var racing = new KafkaTemplate<String, String>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                saveOnce();
                return super.send(record);
            }

            @Override
            public CompletableFuture<SendResult<String, String>> send(String topic, String key, String data) {
                saveOnce();
                return super.send(topic, key, data);
            }

            private void saveOnce() {
                if (saved.compareAndSet(false, true)) {
                    mongo.getCollection(collection).replaceOne(new Document("_id", "raced").append("version", 1L),
                            savedDoc(topic, "raced", 2, 2));
                }
            }
        };
        OutboxRelay relay = relayOver(collection, racing);
        mongo.insert(savedDoc(topic, "raced", 1, 1), collection);

        assertThat(relay.relayOnce()).isEqualTo(1);
        Document afterFirst = mongo.getCollection(collection).find(new Document("_id", "raced")).first();
        assertThat(afterFirst.getList("outbox", Document.class)).extracting(e -> e.getString("outboxId"))
                .containsExactly(eventId(topic, "raced", 1));
        assertThat(afterFirst).containsEntry("outboxPending", true).containsEntry("version", 2L);

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(mongo.getCollection(collection).find(new Document("_id", "raced")).first())
                .containsEntry("outboxPending", false);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, 2, Duration.ofSeconds(30));
            Thread.sleep(500);
            assertThat(probe.records().stream().map(ConsumerRecord::value).toList())
                    .containsExactlyInAnyOrder("{\"n\":\"raced-0\"}", "{\"n\":\"raced-1\"}");
        }
    }

    @Test
    void a_hinted_document_another_instance_holds_is_left_to_it() throws Exception {
        String collection = "finish_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        var hints = new OutboxHints(OutboxCollections.of(collection), 100);
        var relay = new OutboxRelay(mongo, kafka, OutboxCollections.of(collection), settings(Duration.ofSeconds(30)),
                new SimpleMeterRegistry(), null, hints);
        relay.start();
        try {
            Thread.sleep(500); // the first scan, at start, found nothing
            mongo.insert(savedDoc(topic, "held", 1, 1).append("outboxLeaseUntil", new Date(System.currentTimeMillis() + 60_000))
                    .append("outboxLeaseOwner", "another-instance"), collection);
            hints.hint(collection, "held");
            mongo.insert(savedDoc(topic, "free", 1, 1), collection);
            hints.hint(collection, "free");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    Boolean.FALSE.equals(mongo.getCollection(collection).find(new Document("_id", "free")).first().get("outboxPending")));
            Thread.sleep(300);
        } finally {
            relay.stop();
        }
        assertThat(mongo.getCollection(collection).find(new Document("_id", "held")).first())
                .containsEntry("outboxPending", true).containsEntry("outboxLeaseOwner", "another-instance");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, 1, Duration.ofSeconds(30));
            Thread.sleep(500);
            assertThat(probe.records().stream().map(ConsumerRecord::value).toList()).containsExactly("{\"n\":\"free-0\"}");
        }
    }
}
