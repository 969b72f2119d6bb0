package com.complaintdesk.intake.adapters;

import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxDocument;
import com.complaintdesk.kit.outbox.OutboxEvent;
import com.complaintdesk.kit.outbox.OutboxRelay;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.kit.events.EventCodec;
import java.time.Instant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay looks up the ids of events already sent ({@code outbox_sent}) only for events an earlier version of their
 * document carried, the ones a later save may have written back; a document just saved with its new events, the
 * usual batch, is sent without that round trip, and a written-back event is still not sent twice.
 */
class OutboxRelaySentLookupTest extends OutboxRelaySpringTest {

    @Autowired
    EventCodec codec;

    /** A domain document saved through Spring Data's {@code @Version} handling, as the services' documents are. */
    static class Note extends OutboxDocument {
        @Id
        String id;
    }

    private OutboxRelay relayOver(String collection) {
        var settings = new KitProperties("test", new KitProperties.Kafka(6, (short) 1, 3, Duration.ofMillis(200)),
                new KitProperties.Outbox(false, Duration.ofMillis(50), 20, Duration.ofSeconds(60), Duration.ofHours(1), true));
        var relay = new OutboxRelay(mongo, kafka, OutboxCollections.of(collection), settings, new SimpleMeterRegistry(), null);
        relay.createIndexes();
        return relay;
    }

    private static OutboxEvent event(String topic, String id, int i, Long storedVersion) {
        String eventId = eventId(topic, id, i);
        return new OutboxEvent(eventId, eventId, "Type" + i, topic, id, "{\"n\":\"" + id + "-" + i + "\"}", storedVersion);
    }

    private static long sentLookups(List<MongoCommandLog.Command> sent) {
        return sent.stream().filter(c -> c.name().equals("find") && c.collection().equals("outbox_sent")).count();
    }

    /** A new document inserted with {@code events} events, each recording version 0 (what the insert stores). */
    private void insertNew(String collection, String topic, String id, int events) {
        Note note = new Note();
        note.id = id;
        for (int i = 0; i < events; i++) {
            note.getOutbox().add(event(topic, id, i, 0L));
        }
        note.setOutboxPending(true);
        mongo.insert(note, collection);
    }

    /** The topic carries exactly these events (by their {@code n}), each once. */
    private static void assertSentOnceEach(String topic, String... events) throws InterruptedException {
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), topic)) {
            probe.await(r -> true, events.length, Duration.ofSeconds(30));
            Thread.sleep(500); // a duplicate, if any, has time to arrive
            assertThat(probe.records().stream().map(ConsumerRecord::value).toList())
                    .containsExactlyInAnyOrder(java.util.Arrays.stream(events).map(n -> "{\"n\":\"" + n + "\"}").toArray(String[]::new));
        }
    }

    private int relayCounting(OutboxRelay relay, List<MongoCommandLog.Command> into) {
        AtomicInteger n = new AtomicInteger();
        into.addAll(commands.sentBy(() -> n.set(relay.relayOnce())));
        return n.get();
    }

    @Test
    void enqueue_records_the_version_the_save_stores_as_spring_data_writes_it() {
        String collection = "lookup_" + UUID.randomUUID().toString().substring(0, 8);
        Note note = new Note();
        note.id = "n1";
        note.enqueue("t", accepted("n1"), codec); // a new document: inserted at version 0
        mongo.insert(note, collection);
        Note loaded = mongo.findById("n1", Note.class, collection);
        loaded.enqueue("t", accepted("n1"), codec); // loaded at 0: saved at 1
        mongo.save(loaded, collection);
        Note again = mongo.findById("n1", Note.class, collection);
        again.enqueue("t", accepted("n1"), codec);
        mongo.save(again, collection);

        Document stored = mongo.getCollection(collection).find(new Document("_id", "n1")).first();
        assertThat(stored.getLong("version")).isEqualTo(2L);
        assertThat(stored.getList("outbox", Document.class)).extracting(e -> e.getLong("storedVersion"))
                .containsExactly(0L, 1L, 2L);
        assertThat(stored.getList("outbox", Document.class)).extracting(e -> OutboxRelay.enqueuedByStoredVersion(stored, e))
                .containsExactly(false, false, true);
    }

    private static EventEnvelope<ComplaintAccepted> accepted(String number) {
        return EventEnvelope.of(new ComplaintAccepted("officer-1", null), number, Instant.now(), "corr", "test");
    }

    @Test
    void a_document_just_saved_with_its_events_is_sent_without_looking_up_the_sent_ids() throws Exception {
        String collection = "lookup_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        OutboxRelay relay = relayOver(collection);
        insertNew(collection, topic, "fresh", 2);

        List<MongoCommandLog.Command> sent = new ArrayList<>();
        assertThat(relayCounting(relay, sent)).isEqualTo(2);
        assertThat(sentLookups(sent)).as(sent.toString()).isZero();
        assertThat(sent).extracting(MongoCommandLog.Command::collection).contains("outbox_sent"); // still remembered

        // an event without a stored version (written before the field existed) is looked up as before
        mongo.insert(new Document("_id", "older").append("version", 0L).append("outboxPending", true)
                .append("outbox", List.of(new Document("outboxId", eventId(topic, "older", 0)).append("topic", topic)
                        .append("key", "older").append("json", "{\"n\":\"older-0\"}"))), collection);
        List<MongoCommandLog.Command> older = new ArrayList<>();
        assertThat(relayCounting(relay, older)).isEqualTo(1);
        assertThat(sentLookups(older)).isEqualTo(1);

        assertSentOnceEach(topic, "fresh-0", "fresh-1", "older-0");
    }

    @Test
    void an_event_a_later_save_wrote_back_is_looked_up_and_not_sent_twice() throws Exception {
        String collection = "lookup_" + UUID.randomUUID().toString().substring(0, 8);
        String topic = createdTopic("test.relay." + collection);
        OutboxRelay relay = relayOver(collection);
        insertNew(collection, topic, "raced", 1);
        Note loadedBeforeRelay = mongo.findById("raced", Note.class, collection);

        assertThat(relay.relayOnce()).isEqualTo(1);
        // the handler that loaded it before the relay emptied the outbox saves it with one more event: version 1,
        // raced-0 (stored version 0) written back
        loadedBeforeRelay.getOutbox().add(event(topic, "raced", 1, loadedBeforeRelay.getVersion() + 1));
        loadedBeforeRelay.setOutboxPending(true);
        mongo.save(loadedBeforeRelay, collection);

        List<MongoCommandLog.Command> sent = new ArrayList<>();
        assertThat(relayCounting(relay, sent)).isEqualTo(1);
        assertThat(sentLookups(sent)).isEqualTo(1);
        assertThat(mongo.getCollection(collection).find(new Document("_id", "raced")).first())
                .containsEntry("outboxPending", false).containsEntry("version", 1L);
        assertSentOnceEach(topic, "raced-0", "raced-1");
    }
}
