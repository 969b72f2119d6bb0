package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxEvent;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.sla.domain.ComplaintSla;
import com.complaintdesk.sla.domain.SlaPolicies;
import com.complaintdesk.sla.support.SlaMother;
import com.complaintdesk.sla.support.SlaSpringTest;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.sla.support.SlaMother.triaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SlaDocumentMapping} writes exactly what Spring Data's converter writes (same fields, order, BSON types,
 * {@code _class}) and reads back what Spring Data reads; {@link SlaStore#save} keeps the versioned save's semantics
 * and announces saved events to the relay.
 */
class SlaDocumentMappingTest extends SlaSpringTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventCodec codec;
    @Autowired
    SlaStore store;
    @Autowired
    com.complaintdesk.kit.events.EventFactory events;
    @Autowired
    OutboxHints contextHints;

    private final BusinessCalendar calendar = HolidayCalendarLoader.defaultCalendar();
    private final SlaPolicies policies = SlaMother.defaults();

    /** Every field kind: clocks running, paused and resumed, breached and escalated, stopped, a finished one; events. */
    SlaDocument rich() {
        String id = "C-map-" + UUID.randomUUID().toString().substring(0, 8);
        SlaDocument d = new SlaDocument();
        d.id = id;
        d.sla = new ComplaintSla(id);
        Instant t = shanghai("2026-11-23T20:15:30.123");
        apply(d, received(id, t, true, shanghai("2026-11-24T09:00"), ComplainantType.CONSUMER, LocalDate.of(2026, 12, 3)), t);
        apply(d, triaged(Severity.MAJOR, Liability.LIABLE, Flag.MEDIA, Flag.COLLECTIVE, Flag.LAWYER), shanghai("2026-11-24T09:10"));
        apply(d, new AwaitingDocuments(List.of("receipt"), "no receipt"), shanghai("2026-11-24T10:00"));
        apply(d, new EvidenceAdded(null, 1, "complainant"), shanghai("2026-11-25T10:00"));
        apply(d, new ComplaintAccepted("officer", null), shanghai("2026-11-25T10:30"));
        for (ComplaintEvent e : d.sla.fire(shanghai("2026-12-30T10:00"), calendar)) {
            d.enqueue(Topics.SLA, events.envelope(id, e, "corr-1"), codec);
        }
        apply(d, new ComplaintResolved("fixed", "sorry", "better", "h1", "3F", "h1"), shanghai("2026-12-31T10:00"));
        apply(d, new ComplaintReopened("not fixed", 1, "3F"), shanghai("2027-01-02T10:00"));
        // what this life cycle leaves null, set so that every field is compared with a value too
        ReflectionTestUtils.setField(d.sla, "department", "3F");
        ReflectionTestUtils.setField(d.sla, "resolvedAt", shanghai("2026-12-31T10:00"));
        ReflectionTestUtils.setField(d.sla, "closedAt", shanghai("2027-01-03T10:00"));
        ReflectionTestUtils.setField(d.sla.clocks().get("RESOLUTION"), "nextEscalationAt", shanghai("2027-01-06T10:00"));
        d.derive(shanghai("2027-01-02T10:00:00.456789"));
        d.leaseOwner = "instance-1";
        d.leaseToken = "instance-1/" + UUID.randomUUID();
        d.leaseUntil = shanghai("2027-01-02T10:05");
        d.correlationId = "corr-1";
        // an event enqueued inside a trace (no tracer here: its traceparent set as OutboxDocument.enqueue would)
        d.getOutbox().add(new OutboxEvent("traced@" + Topics.SLA, "traced", "SlaClockStarted", Topics.SLA, id, "{}", 8L,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        d.setVersion(7L);
        assertThat(d.sla.finished()).as("a finished clock").isNotEmpty();
        assertThat(d.getOutbox()).as("outbox entries").isNotEmpty();
        assertThat(d.overdueClocks).as("overdue clocks").isNotEmpty();
        return d;
    }

    private void apply(SlaDocument d, ComplaintEvent e, Instant at) {
        var env = events.envelope(d.id, e, "corr-1");
        for (ComplaintEvent out : d.sla.apply(e, at, policies, calendar)) {
            d.enqueue(Topics.SLA, events.envelope(d.id, out, "corr-1"), codec);
        }
        d.markProcessed(env.eventId());
    }

    /** Nothing but the id: the clocks of a complaint just created, no version yet, nulls everywhere. */
    static SlaDocument bare() {
        SlaDocument d = new SlaDocument();
        d.id = "C-bare";
        d.sla = new ComplaintSla("C-bare");
        return d;
    }

    private Document springWrite(SlaDocument d) {
        Document out = new Document();
        mongo.getConverter().write(d, out);
        return out;
    }

    private void assertSameBothWays(SlaDocument d) {
        Document spring = springWrite(d);
        Document hand = SlaDocumentMapping.write(d);
        assertThat(hand.toJson(EXACT)).as("field order and BSON types").isEqualTo(spring.toJson(EXACT));
        assertThat(hand).isEqualTo(spring);
        assertThat(spring.getString("_class")).isEqualTo(SlaDocument.class.getName());

        SlaDocument springRead = mongo.getConverter().read(SlaDocument.class, spring);
        SlaDocument handRead = SlaDocumentMapping.read(spring);
        assertThat(handRead).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(springRead);
        // and what is read writes again as Spring Data writes what it read (a field left out reads as its initial value)
        assertThat(SlaDocumentMapping.write(handRead).toJson(EXACT)).isEqualTo(springWrite(springRead).toJson(EXACT));
    }

    @Test
    void a_rich_document_is_written_and_read_as_spring_data_does() {
        assertSameBothWays(rich());
    }

    /** A guard: a field added to the stored classes later is caught by the equality test only if rich() sets it. */
    @Test
    void the_rich_document_sets_every_stored_field() {
        Document spring = springWrite(rich());
        Document sla = spring.get("sla", Document.class);
        List<Document> clocks = new java.util.ArrayList<>();
        sla.get("clocks", Document.class).values().forEach(c -> clocks.add((Document) c));
        clocks.addAll(sla.getList("finished", Document.class));
        assertStoresEveryField(List.of(spring), SlaDocument.class, com.complaintdesk.kit.outbox.OutboxDocument.class);
        assertStoresEveryField(List.of(sla), ComplaintSla.class);
        assertStoresEveryField(clocks, com.complaintdesk.sla.domain.SlaClock.class);
        assertStoresEveryField(spring.getList("outbox", Document.class), OutboxEvent.class);
        assertStoresEveryField(List.of(sla.get("facts", Document.class)), com.complaintdesk.sla.domain.ComplaintFacts.class);
    }

    /** The keys a versioned save unsets when they are not written: every key the mapping can write. */
    @Test
    void the_list_of_top_level_fields_is_every_key_a_write_can_store_in_its_order() {
        assertThat(SlaDocumentMapping.write(rich()).keySet()).containsExactlyElementsOf(SlaDocumentMapping.FIELDS);
    }

    @Test
    void a_versioned_saves_update_sets_every_field_but_the_outbox_and_adds_only_the_events_of_that_save() {
        SlaDocument d = rich(); // loaded at version 7, saved at 8: an event still waiting from 7 and two of this save
        d.setOutbox(new ArrayList<>(List.of(outboxEvent(d, "old", 7L), outboxEvent(d, "new-1", 8L),
                outboxEvent(d, "new-2", 8L))));
        d.wakeAt = null;
        d.setVersion(8L);
        Document written = SlaDocumentMapping.write(d);

        Document update = SlaDocumentMapping.update(written, 8L);

        Document set = update.get("$set", Document.class);
        assertThat(set.keySet()).doesNotContain("_id", "outbox").contains("sla", "processedEvents", "_class");
        assertThat(set.get("version")).isEqualTo(8L);
        assertThat(set.get("outboxPending")).as("pending again, with new events").isEqualTo(true);
        assertThat(update.get("$unset", Document.class).keySet())
                .containsExactlyInAnyOrder("wakeAt", "outboxLeaseUntil", "outboxLeaseOwner");
        List<Document> pushed = update.get("$push", Document.class).get("outbox", Document.class).getList("$each", Document.class);
        assertThat(pushed).extracting(e -> e.getString("eventId")).containsExactly("new-1", "new-2");

        d.setOutbox(new ArrayList<>(List.of(d.getOutbox().get(0)))); // only the old event: nothing new
        d.setOutboxPending(false);
        Document quiet = SlaDocumentMapping.update(SlaDocumentMapping.write(d), 8L);
        assertThat(quiet).doesNotContainKey("$push");
        assertThat(quiet.get("$set", Document.class)).doesNotContainKey("outboxPending");
        assertThat(quiet.get("$unset", Document.class).keySet()).containsExactly("wakeAt");
    }

    private static OutboxEvent outboxEvent(SlaDocument d, String eventId, long storedVersion) {
        return new OutboxEvent(eventId + "@" + Topics.SLA, eventId, "SlaClockStarted",
                Topics.SLA, d.id, "{}", storedVersion);
    }

    private static void assertStoresEveryField(List<Document> docs, Class<?>... types) {
        for (Class<?> type : types) {
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (java.lang.reflect.Modifier.isStatic(mod) || java.lang.reflect.Modifier.isTransient(mod)
                        || f.isAnnotationPresent(org.springframework.data.annotation.Transient.class)) {
                    continue;
                }
                String key = f.isAnnotationPresent(org.springframework.data.annotation.Id.class) ? "_id" : f.getName();
                assertThat(docs).as(type.getSimpleName() + "." + f.getName()).anyMatch(d -> d.get(key) != null);
            }
        }
    }

    @Test
    void a_bare_document_and_one_without_clocks_are_written_and_read_as_spring_data_does() {
        assertSameBothWays(bare());
        SlaDocument none = new SlaDocument();
        none.id = "C-none";
        none.overdueClocks = null;
        none.setProcessedEvents(List.of());
        assertSameBothWays(none);
    }

    @Test
    void a_requested_deadline_is_stored_as_spring_data_stores_it_whatever_the_jvm_zone() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("Asia/Shanghai", "UTC", "America/New_York")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertSameBothWays(rich());
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void a_document_stored_by_spring_data_reads_by_hand_as_spring_data_reads_it() {
        SlaDocument d = rich();
        d.setVersion(null);
        d.setOutboxPending(false); // else the running relay may empty the outbox between the two reads compared
        mongo.insert(d);
        Document stored = mongo.getCollection(SlaStore.CLOCKS).find(new Document("_id", d.id)).first();
        assertThat(SlaDocumentMapping.read(stored)).usingRecursiveComparison().withStrictTypeChecking()
                .isEqualTo(mongo.findById(d.id, SlaDocument.class));
        assertThat(store.find(d.id).orElseThrow()).usingRecursiveComparison().ignoringFields("registeredWakeAt")
                .isEqualTo(mongo.findById(d.id, SlaDocument.class));
    }

    /**
     * The store's writes leave in the database exactly what MongoTemplate.insert/save left. (The outbox entries are
     * written, but not pending: the running relay would otherwise lease and empty them while the test compares.)
     */
    @Test
    void inserts_and_versioned_saves_store_what_spring_data_stored() {
        SlaDocument byStore = rich();
        byStore.setVersion(null);
        byStore.setOutboxPending(false);
        SlaDocument bySpring = mongo.getConverter().read(SlaDocument.class, springWrite(byStore)); // a copy
        bySpring.id = byStore.id + "-spring";

        store.save(byStore);
        mongo.insert(bySpring);
        assertThat(byStore.getVersion()).isEqualTo(0L).isEqualTo(bySpring.getVersion());
        assertStoredAlike(byStore.id, bySpring.id);

        SlaDocument loaded = store.find(byStore.id).orElseThrow();
        SlaDocument loadedSpring = mongo.findById(bySpring.id, SlaDocument.class);
        loaded.correlationId = "corr-2";
        loadedSpring.correlationId = "corr-2";
        store.save(loaded);
        mongo.save(loadedSpring);
        assertThat(loaded.getVersion()).isEqualTo(1L).isEqualTo(loadedSpring.getVersion());
        assertStoredAlike(byStore.id, bySpring.id);

        // a field dropped and one set again: the update unsets the one and adds the other (at the end of the stored
        // document, where Spring Data's replace wrote it in declaration order: the same fields and values)
        loaded = store.find(byStore.id).orElseThrow();
        loadedSpring = mongo.findById(bySpring.id, SlaDocument.class);
        for (SlaDocument d : List.of(loaded, loadedSpring)) {
            d.leaseOwner = null;
            d.correlationId = null;
        }
        store.save(loaded);
        mongo.save(loadedSpring);
        assertStoredAlike(byStore.id, bySpring.id);
        loaded = store.find(byStore.id).orElseThrow();
        loadedSpring = mongo.findById(bySpring.id, SlaDocument.class);
        for (SlaDocument d : List.of(loaded, loadedSpring)) {
            d.correlationId = "corr-3";
        }
        store.save(loaded);
        mongo.save(loadedSpring);
        assertThat(loaded.getVersion()).isEqualTo(3L).isEqualTo(loadedSpring.getVersion());
        assertStoredAlikeInAnyOrder(byStore.id, bySpring.id);
    }

    private void assertStoredAlike(String id, String springId) {
        List<Document> both = storedPair(id, springId);
        assertThat(both.get(0).toJson(EXACT)).isEqualTo(both.get(1).toJson(EXACT));
    }

    /** The same top-level fields with the same values (each value in its exact form), in whatever order. */
    private void assertStoredAlikeInAnyOrder(String id, String springId) {
        List<Document> both = storedPair(id, springId);
        assertThat(both.get(0).keySet()).containsExactlyInAnyOrderElementsOf(both.get(1).keySet());
        for (String key : both.get(1).keySet()) {
            assertThat(new Document(key, both.get(0).get(key)).toJson(EXACT)).as(key)
                    .isEqualTo(new Document(key, both.get(1).get(key)).toJson(EXACT));
        }
    }

    private List<Document> storedPair(String id, String springId) {
        Document a = mongo.getCollection(SlaStore.CLOCKS).find(new Document("_id", id)).first();
        Document b = mongo.getCollection(SlaStore.CLOCKS).find(new Document("_id", springId)).first();
        a.remove("_id");
        b.remove("_id");
        // the flags are a Set.copyOf, whose order differs from one set to the next (the copy was read back): sorted
        for (Document d : List.of(a, b)) {
            Document facts = d.get("sla", Document.class).get("facts", Document.class);
            facts.put("flags", facts.getList("flags", String.class).stream().sorted().toList());
        }
        return List.of(a, b);
    }

    @Test
    void a_second_insert_of_the_same_complaint_is_a_duplicate_key() {
        SlaDocument first = bare();
        first.id = "C-dup-" + UUID.randomUUID();
        store.save(first);
        SlaDocument second = bare();
        second.id = first.id;
        assertThatThrownBy(() -> store.save(second)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void a_save_of_a_version_that_moved_meanwhile_is_an_optimistic_locking_failure_and_changes_nothing() {
        SlaDocument fresh = bare();
        fresh.id = "C-olf-" + UUID.randomUUID();
        store.save(fresh);
        SlaDocument a = store.find(fresh.id).orElseThrow();
        SlaDocument b = store.find(fresh.id).orElseThrow();
        a.correlationId = "a";
        store.save(a);
        b.correlationId = "b";
        assertThatThrownBy(() -> store.save(b)).isInstanceOf(OptimisticLockingFailureException.class);
        SlaDocument now = store.find(fresh.id).orElseThrow();
        assertThat(now.correlationId).isEqualTo("a");
        assertThat(now.getVersion()).isEqualTo(1L);
        // a document deleted meanwhile is a lost race as well
        mongo.getCollection(SlaStore.CLOCKS).deleteOne(new Document("_id", fresh.id));
        assertThatThrownBy(() -> store.save(now)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void a_save_with_events_announces_the_document_to_the_relay_and_one_without_does_not() throws InterruptedException {
        OutboxHints hints = new OutboxHints(OutboxCollections.of(SlaStore.CLOCKS), 100);
        SlaStore hinting = new SlaStore(mongo, hints);

        SlaDocument quiet = bare();
        quiet.id = "C-quiet-" + UUID.randomUUID();
        hinting.save(quiet);
        assertThat(hints.await(0, TimeUnit.MILLISECONDS, 10)).isEmpty();

        SlaDocument withEvents = rich();
        withEvents.setVersion(null);
        hinting.save(withEvents);
        SlaDocument reloaded = hinting.find(withEvents.id).orElseThrow();
        reloaded.correlationId = "corr-3";
        hinting.save(reloaded); // a versioned save with events still waiting announces it again
        assertThat(hints.await(0, TimeUnit.MILLISECONDS, 10)).containsExactly(
                new OutboxHints.Hint(SlaStore.CLOCKS, withEvents.id), new OutboxHints.Hint(SlaStore.CLOCKS, withEvents.id));
        // the service's store tells the relay of the context (whose thread takes the hints as they come)
        assertThat(org.springframework.test.util.ReflectionTestUtils.getField(store, "hints")).isSameAs(contextHints);
    }

    /** The time buckets' writes, now driver documents, store what Spring Data's upsert with Update mapping stored. */
    @Test
    void bucket_writes_store_what_spring_datas_update_mapping_stored() {
        TimerBuckets buckets = new TimerBuckets(mongo, SlaStore.CLOCKS);
        // a minute of its own, far from the other tests' timers
        Instant due = Instant.parse("2090-01-01T00:00:00Z").plusSeconds(60L * (long) (Math.random() * 1_000_000)).plusMillis(123);
        long minute = TimerBuckets.minute(due);
        buckets.register("C-b1", due, null);
        buckets.registerAll(List.of(new TimerBuckets.Timer("C-b2", due.plusSeconds(1), null),
                new TimerBuckets.Timer("C-b3", due.plusSeconds(2), null)));
        String minutes = "spring_minutes_" + minute;
        String hours = "spring_hours_" + minute;
        Query byMinute = new Query(Criteria.where("_id").is(minute));
        Query byHour = new Query(Criteria.where("_id").is(Math.floorDiv(minute, 60)));
        mongo.upsert(byMinute, new Update().addToSet("e", new Document("i", "C-b1").append("a", Date.from(due))).inc("v", 1L), minutes);
        mongo.upsert(byHour, new Update().inc("v", 1L), hours);
        mongo.upsert(byMinute, new Update().addToSet("e").each(new Document("i", "C-b2").append("a", Date.from(due.plusSeconds(1))),
                new Document("i", "C-b3").append("a", Date.from(due.plusSeconds(2)))).inc("v", 1L), minutes);
        mongo.upsert(byHour, new Update().inc("v", 1L), hours);

        assertThat(mongo.findOne(byMinute, Document.class, TimerBuckets.MINUTES).toJson(EXACT))
                .isEqualTo(mongo.findOne(byMinute, Document.class, minutes).toJson(EXACT));
        assertThat(mongo.findOne(byHour, Document.class, TimerBuckets.HOURS).toJson(EXACT))
                .isEqualTo(mongo.findOne(byHour, Document.class, hours).toJson(EXACT));
        mongo.dropCollection(minutes);
        mongo.dropCollection(hours);
    }

    /** Not an assertion: the cost of 10,000 mapping round trips (write + read) of the rich document, both ways. */
    @Test
    void prints_the_time_of_10000_mapping_round_trips() {
        SlaDocument d = rich();
        for (int round = 0; round < 2; round++) { // the second round after both are warm
            long spring = time(() -> mongo.getConverter().read(SlaDocument.class, springWrite(d)));
            long hand = time(() -> SlaDocumentMapping.read(SlaDocumentMapping.write(d)));
            System.out.printf("SlaDocument mapping, 10,000 round trips (round %d): Spring Data %d ms, by hand %d ms%n",
                    round + 1, spring, hand);
        }
    }

    private static long time(Runnable roundTrip) {
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            roundTrip.run();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
