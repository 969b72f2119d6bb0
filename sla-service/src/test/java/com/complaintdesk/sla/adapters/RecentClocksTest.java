package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.outbox.OutboxEvent;
import com.complaintdesk.kit.outbox.OutboxRelay;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.CalendarService;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.PolicyService;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.sla.support.SlaMother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's next event starts from its clocks document as this instance saved it last (read-your-own-writes,
 * {@code sla.clock-cache}): one look-up for a run of events instead of one each. A change another writer made in
 * between is not lost (the versioned save fails and the document is read again), "already applied" is decided on the
 * stored document, and the outbox, which the relay empties without moving the version, is neither written back (no
 * event sent twice) nor dropped (no event lost).
 */
class RecentClocksTest extends SlaSpringTest {

    @Autowired
    ClockService clocks;
    @Autowired
    SlaStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoCommandLog commands;
    @Autowired
    MutableClock clock;
    @Autowired
    OutboxRelay relay;
    @Autowired
    PolicyService policies;
    @Autowired
    CalendarService calendar;
    @Autowired
    EventFactory events;
    @Autowired
    EventCodec codec;

    final Instant monday = shanghai("2026-11-23T10:00");
    final JsonMapper json = JsonMapper.builder().build();
    /** Another instance over the same database (with a cache of its own), e.g. the partition's owner before a rebalance. */
    ClockService otherInstance;

    @BeforeEach
    void setUp() {
        clock.set(monday);
        otherInstance = new ClockService(new SlaStore(mongo, null, 16), policies, calendar, events, codec, clock,
                new SimpleMeterRegistry());
    }

    EventEnvelope<ComplaintEvent> at(String id, ComplaintEvent event, Duration after) {
        return envelope(id, event, monday.plus(after));
    }

    /** What a run of this instance's use cases sent to the clocks collection, in order ("find", "update", ...). */
    List<String> clocksCommands(Runnable action) {
        return commands.sentBy(action).stream().filter(c -> SlaStore.CLOCKS.equals(c.collection()))
                .map(MongoCommandLog.Command::name).toList();
    }

    @Test
    void a_complaints_successive_events_cost_one_read_of_its_clocks_in_all() {
        String id = newComplaintId("recent-reads");
        otherInstance.on(at(id, received(id, monday), Duration.ZERO)); // registered before the partition came here
        List<EventEnvelope<ComplaintEvent>> later = List.of(
                at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10)),
                at(id, triaged(Severity.GENERAL, Liability.LIABLE), Duration.ofMinutes(11)),
                at(id, new ComplaintDispatched("SERVICE_DESK", "h1", null, "PRODUCT_QUALITY", Severity.GENERAL,
                        false, false, false, "rules"), Duration.ofMinutes(20)),
                at(id, new EvidenceAdded(new EvidenceRef("ev-1", "receipt.png", "image/png", 10), 1, "complainant"),
                        Duration.ofMinutes(30)));

        List<String> sent = clocksCommands(() -> later.forEach(clocks::on));

        // before: one find and one update per event (4 + 4)
        assertThat(sent).as("one look-up, then one versioned write per event").containsExactly("find", "update", "update", "update", "update");
        SlaDocument stored = store.find(id).orElseThrow();
        assertThat(stored.getVersion()).isEqualTo(4L);
        assertThat(stored.getProcessedEvents()).hasSize(5)
                .containsAll(later.stream().map(e -> e.eventId().toString()).toList());
        assertThat(stored.sla.acceptedAt()).isNotNull();
    }

    @Test
    void another_instances_save_in_between_fails_the_save_from_the_remembered_copy_and_neither_change_is_lost() {
        String id = newComplaintId("recent-other");
        var registered = at(id, received(id, monday), Duration.ZERO);
        var accepted = at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10));
        var triaged = at(id, triaged(Severity.GENERAL, Liability.LIABLE), Duration.ofMinutes(11));
        clocks.on(registered); // inserted and remembered at version 0
        otherInstance.on(accepted); // version 1, unknown to this instance

        List<String> sent = clocksCommands(() -> clocks.on(triaged));

        assertThat(sent).as("the remembered copy's save fails, the stored one is read and saved")
                .containsExactly("update", "find", "update");
        SlaDocument stored = store.find(id).orElseThrow();
        assertThat(stored.getVersion()).isEqualTo(2L);
        assertThat(stored.getProcessedEvents()).containsExactly(registered.eventId().toString(),
                accepted.eventId().toString(), triaged.eventId().toString());
        assertThat(stored.sla.acceptedAt()).as("the other instance's change").isEqualTo(accepted.occurredAt());
    }

    @Test
    void a_direct_versioned_update_in_between_is_kept_by_the_next_save() {
        String id = newComplaintId("recent-direct");
        clocks.on(at(id, received(id, monday), Duration.ZERO)); // remembered at version 0
        Date leaseUntil = Date.from(monday.plus(Duration.ofMinutes(5)));
        // e.g. another instance's timer claim: lease fields set, version moved
        assertThat(mongo.getCollection(SlaStore.CLOCKS).updateOne(new Document("_id", id).append("version", 0L),
                new Document("$set", new Document("leaseOwner", "instance-other").append("leaseToken", "instance-other/1")
                        .append("leaseUntil", leaseUntil)).append("$inc", new Document("version", 1L))).getModifiedCount())
                .isEqualTo(1);
        var accepted = at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10));

        List<String> sent = clocksCommands(() -> clocks.on(accepted));

        assertThat(sent).containsExactly("update", "find", "update");
        SlaDocument stored = store.find(id).orElseThrow();
        assertThat(stored.getVersion()).isEqualTo(2L);
        assertThat(stored.leaseOwner).as("the direct update's change").isEqualTo("instance-other");
        assertThat(stored.leaseUntil).isEqualTo(leaseUntil.toInstant());
        assertThat(stored.getProcessedEvents()).contains(accepted.eventId().toString());
        assertThat(stored.sla.acceptedAt()).as("the event's change").isEqualTo(accepted.occurredAt());
    }

    /**
     * Whether an event still needs applying is decided on the stored document, never on the remembered copy alone (kit
     * {@code RecentWrites}): a redelivered event the copy has applied costs a look-up. Here the stored document lacks
     * it at the copy's very version, as after a restore from a backup.
     */
    @Test
    void a_redelivered_event_the_remembered_copy_has_applied_is_checked_against_the_stored_document() {
        String id = newComplaintId("recent-redelivered");
        var accepted = at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10));
        clocks.on(at(id, received(id, monday), Duration.ZERO));
        Document beforeAcceptance = mongo.getCollection(SlaStore.CLOCKS).find(new Document("_id", id)).first();
        clocks.on(accepted); // remembered at version 1, the acceptance applied
        beforeAcceptance.put("version", 1L);
        beforeAcceptance.put("outbox", List.of());
        beforeAcceptance.put("outboxPending", false);
        mongo.getCollection(SlaStore.CLOCKS).replaceOne(new Document("_id", id), beforeAcceptance);

        List<String> sent = clocksCommands(() -> clocks.on(accepted)); // redelivered

        assertThat(sent).as("the copy says applied: the stored document is read, and says not").containsExactly("find", "update");
        SlaDocument stored = store.find(id).orElseThrow();
        assertThat(stored.getVersion()).isEqualTo(2L);
        assertThat(stored.getProcessedEvents()).contains(accepted.eventId().toString());
        assertThat(stored.sla.acceptedAt()).isEqualTo(accepted.occurredAt());

        assertThat(clocksCommands(() -> clocks.on(accepted))).as("redelivered again: the stored document has it")
                .containsExactly("find");
    }

    /**
     * The relay empties the outbox without moving the version, so the remembered copy still matches the stored
     * version after its events were sent. Its next save must not write them back: with the ids of sent events no
     * longer remembered ({@code kit.outbox.sent-retention}, 1 h: a complaint's next event may come days later), the
     * relay could not tell them from new ones and would send them again.
     */
    @Test
    void events_the_relay_sent_are_not_written_back_by_a_save_from_the_remembered_copy_nor_sent_again() throws Exception {
        String id = newComplaintId("recent-sent");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            relay.stop(); // relayed by hand below, at the points the test chooses
            try {
                clocks.on(at(id, received(id, monday), Duration.ZERO));
                List<String> first = outboxIds(id);
                assertThat(first).as("the registration's events").isNotEmpty();
                relay.relayOnce();
                assertThat(outboxIds(id)).as("sent and removed by the relay").isEmpty();
                mongo.getCollection("outbox_sent").deleteMany(new Document("_id", new Document("$in", first)));

                var accepted = at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10));
                assertThat(clocksCommands(() -> clocks.on(accepted))).as("from the remembered copy")
                        .containsExactly("update");
                SlaDocument stored = store.find(id).orElseThrow();
                assertThat(stored.getOutbox()).as("only the acceptance's events").isNotEmpty()
                        .allSatisfy(e -> assertThat(e.storedVersion()).isEqualTo(1L))
                        .extracting(OutboxEvent::outboxId).doesNotContainAnyElementsOf(first);
                List<String> second = outboxIds(id);
                relay.relayOnce();

                Map<String, Long> published = publishedOnce(probe, id, first.size() + second.size());
                assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(eventIds(first, second));
                assertThat(published).as("times each event was published").allSatisfy((event, times) ->
                        assertThat(times).as(event).isEqualTo(1L));
            } finally {
                relay.start();
            }
        }
    }

    /** The remembered copy has no outbox; a save from it keeps the events still waiting in the stored one. */
    @Test
    void events_not_yet_relayed_are_kept_by_a_save_from_the_remembered_copy_and_sent_once() throws Exception {
        String id = newComplaintId("recent-waiting");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            relay.stop();
            try {
                clocks.on(at(id, received(id, monday), Duration.ZERO));
                List<String> first = outboxIds(id);
                assertThat(first).isNotEmpty();

                var accepted = at(id, new ComplaintAccepted("officer", null), Duration.ofMinutes(10));
                assertThat(clocksCommands(() -> clocks.on(accepted))).containsExactly("update");
                List<String> both = outboxIds(id);
                assertThat(both).as("the registration's events still waiting, then the acceptance's")
                        .startsWith(first.toArray(String[]::new)).hasSizeGreaterThan(first.size());
                assertThat(store.find(id).orElseThrow().isOutboxPending()).isTrue();
                relay.relayOnce();
                assertThat(outboxIds(id)).isEmpty();

                Map<String, Long> published = publishedOnce(probe, id, both.size());
                assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(eventIds(both, List.of()));
                assertThat(published).allSatisfy((event, times) -> assertThat(times).as(event).isEqualTo(1L));
            } finally {
                relay.start();
            }
        }
    }

    private List<String> outboxIds(String id) {
        return store.find(id).orElseThrow().getOutbox().stream().map(OutboxEvent::outboxId).toList();
    }

    private static List<String> eventIds(List<String> outboxIds, List<String> more) {
        List<String> all = new ArrayList<>(outboxIds);
        all.addAll(more);
        return all.stream().map(o -> o.substring(0, o.indexOf('@'))).toList();
    }

    /** Waits for {@code expected} records of the complaint, then a little longer for any duplicate; counts by event id. */
    private Map<String, Long> publishedOnce(EventProbe probe, String id, int expected) throws InterruptedException {
        probe.await(r -> id.equals(r.key()), expected, Duration.ofSeconds(30));
        Thread.sleep(500);
        return probe.records().stream().filter(r -> id.equals(r.key()))
                .map(ConsumerRecord::value).map(v -> json.readTree(v).path("eventId").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
