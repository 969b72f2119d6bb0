package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.followup.adapters.mongo.FollowupDocument;
import com.complaintdesk.followup.adapters.mongo.FollowupStore;
import com.complaintdesk.followup.application.FollowupConfiguration;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.followup.domain.FollowupCase;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.Revisit;
import com.complaintdesk.followup.domain.RevisitResult;
import com.complaintdesk.testsupport.MongoCommandLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the listener read a complaint's case before each event it applied (a find and an update each). It now
 * applies a complaint's next event to the case as this instance last wrote it, in a write conditioned on its version;
 * a case changed elsewhere meanwhile is read and the event applied to it. The events are applied on the test's thread,
 * as the listener would (which is off here), so each one's commands to the cases' collection are counted exactly; the
 * outbox relay runs as usual. "Another instance" is a versioned save straight to the store, which this instance does
 * not remember.
 */
@Import(MongoCommandLog.Registration.class)
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class RecentCasesTest extends ServiceHarness {

    static final Instant T = at("2026-11-27T15:00");

    @Autowired
    FollowupService followup;
    @Autowired
    MongoCommandLog commands;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    FollowupStore store;

    @Test
    void a_complaints_next_events_are_applied_without_reading_its_case() {
        String id = newComplaintId();

        List<List<String>> sent = List.of(
                apply(id, Mother.received(id, ComplainantType.CONSUMER, "13800138000", null, T)),
                apply(id, Mother.triaged(Severity.IMPORTANT)),
                apply(id, Mother.dispatched("ENGINEERING", "h-1", Severity.IMPORTANT)),
                apply(id, Mother.resolved("ENGINEERING", "h-1")));

        // before: a find before each of the four writes
        assertThat(sent).containsExactly(List.of("find", "insert"), List.of("update"), List.of("update"), List.of("update"));
        JsonNode view = view(id);
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(view.path("complainantType").asString()).isEqualTo("CONSUMER");
        assertThat(view.path("severity").asString()).isEqualTo("IMPORTANT");
        assertThat(view.path("department").asString()).isEqualTo("ENGINEERING");
        assertThat(payload(await(id, "RevisitDue", 1).get(0)).path("assignee").asString()).isEqualTo("SERVICE_DESK");
    }

    @Test
    void a_staff_action_in_between_stands_and_the_next_event_is_applied_on_it() {
        String id = newComplaintId();
        apply(id, Mother.received(id, ComplainantType.CONSUMER, "13800138000", null, T));
        apply(id, Mother.resolved("ENGINEERING", "h-1"));

        var attempt = post("/api/v1/followup/revisits/" + id + "/attempts",
                "{\"reached\":false,\"comment\":\"no answer\"}", "TRIAGE_OFFICER");
        assertThat(attempt.status()).as(attempt.body().toString()).isEqualTo(200);
        List<String> sent = apply(id, new SeverityUpgradeRequested(Severity.MAJOR, "liable, unresolved after one month"));

        // the staff action's save was remembered too: no read, and its failed attempt kept
        assertThat(sent).containsExactly("update");
        JsonNode view = view(id);
        assertThat(view.path("revisit").path("failedAttempts")).hasSize(1);
        assertThat(view.path("severity").asString()).isEqualTo("MAJOR");
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
    }

    @Test
    void a_change_another_instance_stored_in_between_stands_and_the_event_is_still_applied() {
        String id = newComplaintId();
        apply(id, Mother.received(id, ComplainantType.CONSUMER, "13800138000", null, T));
        apply(id, Mother.dispatched("ENGINEERING", "h-1", Severity.GENERAL));

        // another instance applied a reclassification meanwhile (the topics are read in parallel)
        FollowupDocument stored = mongo.findById(id, FollowupDocument.class);
        stored.severity = Severity.MAJOR;
        mongo.save(stored);
        List<String> sent = apply(id, Mother.resolved("ENGINEERING", "h-2"));

        JsonNode view = view(id);
        assertThat(view.path("severity").asString()).isEqualTo("MAJOR");
        assertThat(view.path("specialReportRequired").asBoolean()).isTrue();
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(view.path("handler").asString()).isEqualTo("h-2");
        await(id, "RevisitDue", 1);
        // the write on the remembered case matched nothing; the stored case was read and the event applied to it
        assertThat(sent).containsExactly("update", "find", "update");
        // and the case as now stored is remembered for the next event
        assertThat(apply(id, new SeverityUpgradeRequested(Severity.MAJOR, "again"))).containsExactly("update");
    }

    @Test
    void an_event_that_changes_nothing_on_the_remembered_case_is_applied_to_the_stored_one() {
        String id = newComplaintId();
        apply(id, Mother.received(id, ComplainantType.CONSUMER, "13800138000", null, T));
        apply(id, Mother.resolved("ENGINEERING", "h-1"));
        await(id, "RevisitDue", 1);

        // on another instance the complainant was not satisfied (reopened), and dispatch handed the complaint out again
        FollowupDocument stored = mongo.findById(id, FollowupDocument.class);
        Revisit r = stored.revisit;
        stored.revisit = new Revisit(r.round(), r.resolvedAt(), r.dueAt(), r.method(), r.assignee(), r.role(),
                r.failedAttempts(), new RevisitResult(T, "complainant", true, 1, false, "still cold", null, true, true));
        stored.reopenCount = 1;
        stored.status = FollowupStatus.OPEN;
        mongo.save(stored);
        // the second resolution: on the remembered case (a revisit still running) it would change nothing
        List<String> sent = apply(id, Mother.resolved("ENGINEERING", "h-1"));

        JsonNode view = view(id);
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(view.path("revisit").path("round").asInt()).isEqualTo(2);
        assertThat(view.path("pastRevisits")).hasSize(1);
        assertThat(view.path("reopenCount").asInt()).isEqualTo(1);
        await(id, "RevisitDue", 2);
        assertThat(sent).containsExactly("update", "find", "update");
    }

    @Test
    void events_the_relay_sent_are_not_written_back_by_the_next_event_nor_sent_twice() {
        String id = newComplaintId();
        // resolved before registered (the topics are read in parallel): routed to the desk, routed again on registration
        apply(id, Mother.resolved("ENGINEERING", "h-1"));
        ConsumerRecord<String, String> first = await(id, "RevisitDue", 1).get(0);
        // the relay sent it and emptied the outbox, which does not move the version: the remembered case is not stale
        eventually(() -> assertThat(storedOutbox(id)).isEmpty());
        // as if the case had been remembered for longer than kit.outbox.sent-retention: the relay no longer knows it
        // sent that event, so one written back would go out again
        mongo.getCollection("outbox_sent").deleteOne(new Document("_id", eventId(first) + "@" + Topics.FOLLOWUP));

        EventEnvelope<ComplaintEvent> received = envelope(id,
                Mother.received(id, ComplainantType.ANCHOR_TENANT, "13800138000", null, T));
        assertThat(apply(received)).containsExactly("update");
        // a redelivery: already processed, as the remembered case shows, so nothing is read or written
        assertThat(apply(received)).isEmpty();

        List<ConsumerRecord<String, String>> due = await(id, "RevisitDue", 2);
        eventually(() -> assertThat(storedOutbox(id)).isEmpty());
        // a written-back first RevisitDue would have been sent in the same pass as the second, before it, on the same
        // partition: the probe, which has the second, would have it too
        List<String> published = probe.records().stream().filter(r -> id.equals(r.key())).map(this::eventId).toList();
        assertThat(published).as("event ids published").doesNotHaveDuplicates()
                .containsExactly(eventId(first), eventId(due.get(1)));
        assertThat(payload(due.get(1)).path("assignee").asString()).isEqualTo("SERVICE_SUPERVISOR");
    }

    @Test
    void a_write_on_a_remembered_case_stores_what_a_whole_save_of_the_stored_case_stores() {
        String onRemembered = newComplaintId();
        String onStored = newComplaintId();
        for (String id : List.of(onRemembered, onStored)) {
            store.save(resolvedCase(id, "h-1", "a reason"), new FollowupDocument(), List.of(), T);
        }

        // the second write sets some fields and leaves others empty (unset), on either path
        FollowupDocument remembered = store.remembered(onRemembered).orElseThrow();
        assertThat(store.saveRemembered(resolvedCase(onRemembered, null, null), remembered, List.of(), T.plusSeconds(60)))
                .isTrue();
        store.save(resolvedCase(onStored, null, null), store.find(onStored).orElseThrow(), List.of(), T.plusSeconds(60));

        Document a = rawCase(onRemembered);
        Document b = rawCase(onStored);
        assertThat(a.getLong("version")).isEqualTo(1L);
        assertThat(a).doesNotContainKeys("handler", "closeReason");
        assertThat(a).isEqualTo(b);
    }

    /** A case whose revisit is due, handled by {@code handler}, with a close reason noted (null: none). */
    private static FollowupCase resolvedCase(String id, String handler, String closeReason) {
        Revisit revisit = new Revisit(1, T, T.plusSeconds(86_400), "PHONE_OR_VISIT", "SERVICE_DESK", "TRIAGE_OFFICER",
                List.of(), null);
        return new FollowupCase(id, ComplainantType.CONSUMER, "phone-digest", null, Severity.IMPORTANT,
                Set.of(Flag.EXTREME_BEHAVIOUR), "ENGINEERING", handler, FollowupStatus.REVISIT_DUE, revisit, List.of(), 0,
                null, closeReason, null, false);
    }

    /** The stored case as the driver reads it, without what differs by complaint: its id and the relay's part. */
    private Document rawCase(String id) {
        Document stored = mongo.getCollection(FollowupConfiguration.CASES).find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        for (String field : List.of("_id", "complaintId", "outbox", "outboxPending", "outboxLeaseUntil", "outboxLeaseOwner")) {
            stored.remove(field);
        }
        return stored;
    }

    /** Applies one event as the listener would; returns the commands it sent to the cases' collection. */
    private List<String> apply(String id, ComplaintEvent payload) {
        return apply(envelope(id, payload));
    }

    private List<String> apply(EventEnvelope<ComplaintEvent> event) {
        return commands.sentBy(() -> followup.apply(event)).stream()
                .filter(c -> c.collection().equals(FollowupConfiguration.CASES)).map(MongoCommandLog.Command::name)
                .toList();
    }

    private static EventEnvelope<ComplaintEvent> envelope(String id, ComplaintEvent payload) {
        return EventEnvelope.of(payload, id, T, "corr-" + id, "test");
    }

    private JsonNode view(String id) {
        var view = getAs("/api/v1/followup/cases/" + id, "SUPERVISOR", "HR");
        assertThat(view.status()).as(view.body().toString()).isEqualTo(200);
        return view.body();
    }

    private List<Document> storedOutbox(String id) {
        Document stored = mongo.getCollection(FollowupConfiguration.CASES).find(new Document("_id", id)).first();
        return stored == null ? List.of() : stored.getList("outbox", Document.class, List.of());
    }

    private String eventId(ConsumerRecord<String, String> r) {
        return json.readTree(r.value()).path("eventId").asString();
    }
}
