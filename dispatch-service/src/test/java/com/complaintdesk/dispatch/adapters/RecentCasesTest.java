package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.CaseDocument;
import com.complaintdesk.dispatch.adapters.mongo.CaseStore;
import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.domain.handling.DispatchDecision;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.handling.HistoryEntry;
import com.complaintdesk.dispatch.domain.handling.Investigation;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: each listener read a complaint's case before each event it applied (a find and an update each). They now
 * apply a complaint's next event to the case as this instance last wrote it, in a write conditioned on its version;
 * a case changed elsewhere meanwhile is read and the event applied to it. The events are applied on the test's thread,
 * as the listeners would (nothing is published for these complaints), so each one's commands to {@code cases} are
 * counted exactly; the outbox relay runs as usual. "Another instance" is a store of its own (nothing remembered) on
 * the same database.
 */
class RecentCasesTest extends DispatchIntegrationTest {

    @Autowired
    HandlingService handling;
    @Autowired
    MongoCommandLog commands;
    @Autowired
    MongoTemplate mongo;

    @Test
    void a_complaints_next_events_are_applied_without_reading_its_case() {
        String n = newNumber();

        List<List<String>> sent = List.of(
                apply(n, Events.received(n, "空调坏了三天")),
                apply(n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL)),
                apply(n, Events.reclassified(null, Severity.MAJOR)),
                apply(n, escalated()));

        // before: a find before each of the four writes
        assertThat(sent).containsExactly(List.of("find", "insert"), List.of("update"), List.of("update"), List.of("update"));
        HandlingCase c = cases.find(n).orElseThrow().handling;
        assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(c.department()).isEqualTo("ENGINEERING");
        assertThat(c.severity()).isEqualTo(Severity.MAJOR);
        assertThat(c.supervisor()).isEqualTo("eng-mgr-wang");
        assertThat(c.content()).isEqualTo("空调坏了三天");
        assertThat(c.history()).extracting(HistoryEntry::what).contains("ESCALATED");
    }

    @Test
    void a_redelivery_is_caught_on_the_remembered_case_and_a_reopen_is_dropped_only_on_the_stored_one() {
        String n = newNumber();
        var triaged = envelope(n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL));
        apply(envelope(n, Events.received(n, "空调坏了三天")));
        apply(triaged);

        // a redelivery: already processed, as the remembered case shows, so nothing is read or written
        assertThat(apply(triaged)).isEmpty();

        // a reopen of a complaint never dispatched here is dropped (its id kept): decided on the stored case only
        String registered = newNumber();
        apply(registered, Events.received(registered, "空调坏了三天"));
        assertThat(apply(registered, Events.reopened("still too hot"))).containsExactly("find", "update");
        CaseDocument stored = cases.find(registered).orElseThrow();
        assertThat(stored.handling.status()).isNull();
        assertThat(stored.getProcessedEvents()).hasSize(2);
    }

    @Test
    void a_staff_action_in_between_stands_and_the_next_event_is_applied_on_it() {
        String n = newNumber();
        apply(n, Events.received(n, "空调坏了三天"));
        apply(n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL));
        String handler = cases.find(n).orElseThrow().handling.handler();

        var inv = post("/api/v1/dispatch/complaints/" + n + "/investigation", new Caller(handler, "HANDLER", "ENGINEERING"),
                "{\"cause\":\"compressor failed\"}");
        assertThat(inv.status()).as(inv.raw()).isEqualTo(200);
        List<String> sent = apply(n, escalated());

        // the staff action's save was remembered too: no read, and its investigation kept
        assertThat(sent).containsExactly("update");
        HandlingCase c = cases.find(n).orElseThrow().handling;
        assertThat(c.status()).isEqualTo(HandlingStatus.INVESTIGATING);
        assertThat(c.investigation().cause()).isEqualTo("compressor failed");
        assertThat(c.history()).extracting(HistoryEntry::what).contains("ESCALATED");
    }

    @Test
    void a_change_another_instance_stored_in_between_stands_and_the_event_is_still_applied() {
        String n = newNumber();
        apply(n, Events.received(n, "空调坏了三天"));
        apply(n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL));

        // another instance recorded an investigation meanwhile (a versioned save this instance does not remember)
        CaseStore elsewhere = new CaseStore(mongo, codec, null, 0);
        CaseDocument stored = elsewhere.find(n).orElseThrow();
        stored.handling.recordInvestigation(new Investigation("compressor failed", null, null, null, List.of(),
                stored.handling.handler(), MONDAY_10AM), MONDAY_10AM);
        elsewhere.save(stored, List.of());
        List<String> sent = apply(n, escalated());

        HandlingCase c = cases.find(n).orElseThrow().handling;
        assertThat(c.status()).isEqualTo(HandlingStatus.INVESTIGATING);
        assertThat(c.investigation()).isNotNull();
        assertThat(c.investigation().cause()).isEqualTo("compressor failed");
        assertThat(c.history()).extracting(HistoryEntry::what).contains("ESCALATED");
        // the write on the remembered case matched nothing; the stored case was read and the event applied to it
        assertThat(sent).containsExactly("update", "find", "update");
        // and the case as now stored is remembered for the next event
        assertThat(apply(n, Events.reclassified(null, Severity.MAJOR))).containsExactly("update");
        assertThat(cases.find(n).orElseThrow().handling.severity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void events_the_relay_sent_are_not_written_back_by_the_next_event_nor_sent_twice() {
        String n = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            apply(n, Events.received(n, "空调坏了三天"));
            apply(n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL));
            ConsumerRecord<String, String> dispatched = probe.await(EventProbe.ofType(n, "ComplaintDispatched"), 1,
                    Duration.ofSeconds(20)).get(0);
            // the relay sent it and emptied the outbox, which does not move the version: the remembered case is not stale
            awaitEmptyOutbox(n);
            // as if the case had been remembered for longer than kit.outbox.sent-retention: the relay no longer knows
            // it sent that event (to either topic), so one written back would go out again
            mongo.getCollection("outbox_sent").deleteMany(new Document("_id",
                    Pattern.compile("^" + Pattern.quote(eventId(dispatched)) + "@")));

            // MAJOR now: the manager supervises and is told
            assertThat(apply(n, Events.reclassified(null, Severity.MAJOR))).containsExactly("update");

            var notified = probe.await(EventProbe.ofType(n, "SupervisorAssigned"), 1, Duration.ofSeconds(20));
            awaitEmptyOutbox(n);
            // a written-back ComplaintDispatched would have been sent in the same pass as SupervisorAssigned, before it,
            // on the same partition: the probe, which has the latter, would have it too
            List<String> published = probe.records().stream().filter(r -> n.equals(r.key())).map(this::eventId).toList();
            assertThat(published).as("event ids published").doesNotHaveDuplicates()
                    .contains(eventId(dispatched), eventId(notified.get(0)));
            assertThat(probe.records().stream().filter(EventProbe.ofType(n, "ComplaintDispatched"))).hasSize(1);
        }
    }

    @Test
    void a_write_on_a_remembered_case_stores_what_a_whole_save_of_the_stored_case_stores() {
        String onRemembered = newNumber();
        String onStored = newNumber();
        for (String n : List.of(onRemembered, onStored)) {
            CaseDocument d = CaseDocument.fresh(n);
            d.handling.dispatch(new DispatchDecision("ENGINEERING", "eng-h1", "eng-mgr-wang", "pr-mgr-xu",
                    "FACILITY_ENVIRONMENT", Severity.GENERAL, Liability.LIABLE, Set.of(), false, "test"), MONDAY_10AM);
            cases.save(d, List.of());
        }

        // the second write leaves the handler empty (queued in another department), on either path
        CaseDocument remembered = cases.remembered(onRemembered).orElseThrow();
        remembered.handling.transfer("OPERATIONS", null, "ops-mgr-zhao", false, "test", "sup-zhou", MONDAY_10AM);
        assertThat(cases.saveRemembered(remembered, List.of())).isTrue();
        CaseDocument stored = cases.find(onStored).orElseThrow();
        stored.handling.transfer("OPERATIONS", null, "ops-mgr-zhao", false, "test", "sup-zhou", MONDAY_10AM);
        cases.save(stored, List.of());

        Document a = rawCase(onRemembered);
        Document b = rawCase(onStored);
        assertThat(a.getLong("version")).isEqualTo(1L);
        assertThat(a).doesNotContainKey("handler");
        assertThat(a.getString("status")).isEqualTo("QUEUED");
        assertThat(a).isEqualTo(b);
    }

    /** The stored case as the driver reads it, without what differs by complaint: its number and the relay's part. */
    private Document rawCase(String n) {
        Document stored = mongo.getCollection("cases").find(new Document("_id", n)).first();
        assertThat(stored).isNotNull();
        for (String field : List.of("_id", "outbox", "outboxPending", "outboxLeaseUntil", "outboxLeaseOwner")) {
            stored.remove(field);
        }
        stored.get("handling", Document.class).remove("number");
        return stored;
    }

    private SlaEscalated escalated() {
        return new SlaEscalated("FIRST_RESPONSE", EscalationLevel.DEPARTMENT_MANAGER, "DEPARTMENT_MANAGER", null);
    }

    /** Applies one event as the listeners would; returns the commands it sent to the cases' collection. */
    private List<String> apply(String n, ComplaintEvent payload) {
        return apply(envelope(n, payload));
    }

    private List<String> apply(EventEnvelope<ComplaintEvent> event) {
        return commands.sentBy(() -> {
            ComplaintEvent e = event.payload();
            if (e instanceof ComplaintReceived r) {
                handling.onReceived(event, r);
            } else if (e instanceof ComplaintTriaged t) {
                handling.onTriaged(event, t);
            } else if (e instanceof ComplaintReclassified r) {
                handling.onReclassified(event, r);
            } else if (e instanceof ComplaintReopened r) {
                handling.onReopened(event, r);
            } else if (e instanceof SlaEscalated s) {
                handling.onEscalated(event, s);
            } else {
                throw new IllegalArgumentException("not a dispatch input: " + event.type());
            }
        }).stream().filter(c -> c.collection().equals("cases")).map(MongoCommandLog.Command::name).toList();
    }

    private static EventEnvelope<ComplaintEvent> envelope(String n, ComplaintEvent payload) {
        return EventEnvelope.of(payload, n, MONDAY_10AM, "corr-" + n, "test");
    }

    private void awaitEmptyOutbox(String n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Document stored = mongo.getCollection("cases").find(new Document("_id", n)).first();
            if (stored != null && stored.getList("outbox", Document.class, List.of()).isEmpty()) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the relay did not empty the outbox of " + n);
    }

    private String eventId(ConsumerRecord<String, String> r) {
        return json.readTree(r.value()).path("eventId").asString();
    }
}
