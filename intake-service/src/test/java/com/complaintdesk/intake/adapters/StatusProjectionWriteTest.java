package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.InvestigationRecorded;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.contracts.events.SlaEvents.SlaClockStarted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.intake.adapters.mongo.ComplaintStore;
import com.complaintdesk.intake.adapters.mongo.PersonalDataCipher;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.testsupport.Caller;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status projection reads and writes only the complaint's status, who holds it, its processed event ids and its
 * version: no personal data is read, unsealed, sealed again or written; and it reads nothing for a complaint whose
 * status this instance wrote last ({@code ComplaintStore}, the kit's {@code RecentWrites}), without ever losing another writer's change or an event.
 * Measured on this thread's store commands (the driver's command listener; the relay and the listeners run on other
 * threads) and the personal-data cipher's calls.
 */
class StatusProjectionWriteTest extends IntakeSpringTest {

    /** The store commands the test's own thread sent while {@link #recording} is on, with their replies. */
    static final class Commands implements CommandListener {
        record Seen(String name, int bytesSent, int bytesReceived, boolean carriesPersonalData) {
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        volatile Thread recording;
        private final ThreadLocal<BsonDocument> started = new ThreadLocal<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (Thread.currentThread() == recording) {
                started.set(event.getCommand().clone());
            }
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            BsonDocument command = started.get();
            if (Thread.currentThread() == recording && command != null) {
                started.remove();
                BsonDocument reply = event.getResponse();
                seen.add(new Seen(event.getCommandName(), size(command), size(reply),
                        (command.toJson() + reply.toJson()).contains("Sealed")));
            }
        }

        private static int size(BsonDocument d) {
            return new RawBsonDocument(d, new BsonDocumentCodec()).getByteBuffer().remaining();
        }

        List<Seen> during(Runnable action) {
            seen.clear();
            recording = Thread.currentThread();
            try {
                action.run();
            } finally {
                recording = null;
            }
            return new ArrayList<>(seen);
        }
    }

    static final Commands COMMANDS = new Commands();

    @TestConfiguration(proxyBeanMethods = false)
    static class CountCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(COMMANDS);
        }
    }

    @Autowired
    IntakeService intake;
    @Autowired
    ComplaintStore store;
    @MockitoSpyBean
    PersonalDataCipher cipher;

    static final Caller HOTLINE = Caller.channel("hotline");
    static final Caller COMPLAINANT = new Caller(null, "CHANNEL_CLIENT", null, "hotline");
    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    String registered() throws Exception {
        var r = http.post("/api/v1/complaints", """
                {"channel":"PHONE","complainant":{"name":"张三","phone":"13800138000","email":"z@example.com","type":"CONSUMER"},
                 "content":"3楼服务台的工作人员态度恶劣,对我大声呵斥,要求道歉。","subject":"3F 服务台"}""", HOTLINE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("complaintNumber").asString();
    }

    /** The visible events of a complaint from acceptance to the investigation, in the order they usually arrive. */
    static List<EventEnvelope<ComplaintEvent>> typicalVisibleEvents(String number) {
        List<ComplaintEvent> events = List.of(
                new SlaClockStarted(SlaClocks.ACCEPTANCE_DECISION, T0, T0.plusSeconds(3 * 86400)),
                new ComplaintAccepted("officer-1", null),
                new ComplaintTriaged("SERVICE_ATTITUDE", Severity.GENERAL, Liability.LIABLE, Set.of(), List.of(), null, "3F 服务台"),
                new SlaClockStarted(SlaClocks.RESOLUTION, T0.plusSeconds(60), T0.plusSeconds(15 * 86400)),
                new ComplaintDispatched("SERVICE_DESK", "h-1", null, "SERVICE_ATTITUDE", Severity.GENERAL, false, false, false, "rule"),
                new InvestigationRecorded("rude staff", "SERVICE_DESK", "w-1", "confirmed", "h-1"));
        List<EventEnvelope<ComplaintEvent>> envelopes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(EventEnvelope.of(events.get(i), number, T0.plusSeconds(60L * (i + 1)), "corr", "test"));
        }
        return envelopes;
    }

    Document stored(String number) {
        return mongo.getCollection("complaints").find(new Document("_id", number)).first();
    }

    @Test
    void projecting_a_complaints_visible_events_reads_and_writes_no_personal_data() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        // the relay has sent ComplaintReceived: the document's size no longer depends on when it does
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(number).getList("outbox", Document.class).isEmpty());
        Document before = stored(number);
        Mockito.clearInvocations(cipher);

        List<Commands.Seen> seen = COMMANDS.during(() -> events.forEach(intake::project));
        int cipherCalls = Mockito.mockingDetails(cipher).getInvocations().size();
        System.out.printf("status projection, %d visible events: %d store commands %s, %d bytes sent, %d received, "
                        + "%d carrying sealed personal data; %d personal-data cipher calls%n", events.size(), seen.size(),
                seen.stream().map(c -> c.name() + " " + c.bytesSent() + "/" + c.bytesReceived()).toList(), seen.stream().mapToInt(Commands.Seen::bytesSent).sum(),
                seen.stream().mapToInt(Commands.Seen::bytesReceived).sum(),
                seen.stream().filter(Commands.Seen::carriesPersonalData).count(), cipherCalls);

        // one conditional write per event and no read: this instance registered the complaint and wrote every status
        // since, so it knows the stored one (before it remembered them: a read before each write; before that, each read
        // returned and each write replaced the whole document, with 6 cipher calls per event)
        assertThat(seen).extracting(Commands.Seen::name).containsExactlyElementsOf(events.stream().map(e -> "update").toList());
        assertThat(seen).noneMatch(Commands.Seen::carriesPersonalData);
        assertThat(cipherCalls).isZero();

        Document after = stored(number);
        for (String sealed : List.of("nameSealed", "phoneSealed", "emailSealed")) {
            assertThat(after.getString(sealed)).as(sealed + " not sealed again").isEqualTo(before.getString(sealed));
        }
        assertThat(after.get("contactKey")).isEqualTo(before.get("contactKey"));
        assertThat(after.getLong("version")).isEqualTo(before.getLong("version") + events.size());
        assertThat(after.getList("processedEvents", String.class))
                .containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());

        // what the complainant and staff see
        JsonNode view = json.readTree(http.get("/api/v1/complaints/" + number + "/status?verify=8000", COMPLAINANT).body());
        assertThat(view.get("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(view.get("acceptance").asString()).isEqualTo("ACCEPTED");
        assertThat(view.get("reason").isNull()).isTrue();
        assertThat(view.get("nextStep").asString()).isEqualTo("The department has investigated and is preparing a solution.");
        assertThat(Instant.parse(view.get("deadline").asString())).isEqualTo(T0.plusSeconds(15 * 86400));
        assertThat(Instant.parse(view.get("updatedAt").asString())).isEqualTo(T0.plusSeconds(6 * 60));
        assertThat(view.get("evidenceCount").asInt()).isZero();
        assertThat(http.get("/api/v1/complaints/" + number + "/status", new Caller("h-1", "HANDLER", "SERVICE_DESK"))
                .statusCode()).as("the department dispatch gave it reads it").isEqualTo(200);
        assertThat(http.get("/api/v1/complaints/" + number + "/status", new Caller("h-2", "HANDLER", "ENGINEERING"))
                .statusCode()).as("another department does not").isEqualTo(404);
    }

    @Test
    void a_replayed_event_costs_nothing_and_an_older_one_is_dropped_on_the_stored_status_alone() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        events.forEach(intake::project);
        Document projected = stored(number);

        List<Commands.Seen> seen = COMMANDS.during(() -> {
            intake.project(events.get(1)); // replayed: its id is among those this instance stored
            intake.project(EventEnvelope.of(new ComplaintAccepted("officer-1", null), number, T0, "corr", "test")); // older
        });

        // "nothing changed" is never decided on a remembered status: the older event reads the stored one
        assertThat(seen).extracting(Commands.Seen::name).containsExactly("find");
        Document after = stored(number);
        assertThat(after.getLong("version")).isEqualTo(projected.getLong("version"));
        assertThat(after.getString("status")).isEqualTo("INVESTIGATING");
    }

    @Test
    void the_projection_keeps_what_an_urge_wrote_meanwhile_and_an_urge_keeps_the_projected_status() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        intake.project(events.get(0));
        var urged = http.post("/api/v1/complaints/" + number + "/urge", "{\"verify\":\"8000\",\"message\":\"快点\"}", COMPLAINANT);
        assertThat(urged.statusCode()).as(urged.body()).isIn(200, 201);
        events.subList(1, events.size()).forEach(intake::project);
        var urgedAgain = http.post("/api/v1/complaints/" + number + "/urge", "{\"verify\":\"8000\",\"message\":\"快点\"}", COMPLAINANT);
        assertThat(urgedAgain.statusCode()).as(urgedAgain.body()).isIn(200, 201);

        JsonNode view = json.readTree(http.get("/api/v1/complaints/" + number + "/status?verify=8000", COMPLAINANT).body());
        assertThat(view.get("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(view.get("urgeCount").asInt()).isEqualTo(2);
    }

    @Test
    void a_status_write_on_a_version_another_write_moved_on_changes_nothing_and_the_projection_reads_again() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        var stale = store.findStatus(number).orElseThrow();
        intake.project(events.get(1)); // accepted, meanwhile

        var lateClock = stale.toDomain();
        assertThat(lateClock.apply(events.get(0).payload(), events.get(0).occurredAt())).isTrue();
        stale.markProcessed(events.get(0).eventId());
        assertThat(store.updateStatus(stale, lateClock)).as("the race is lost").isFalse();
        Document afterLostRace = stored(number);
        assertThat(afterLostRace.getString("status")).as("the winner's write stands").isEqualTo("ACCEPTED");
        assertThat(afterLostRace.get("deadline")).isNull();
        assertThat(afterLostRace.getList("processedEvents", String.class)).containsExactly(events.get(1).eventId().toString());

        intake.project(events.get(0)); // read again: both apply
        Document after = stored(number);
        assertThat(after.getString("status")).isEqualTo("ACCEPTED");
        assertThat(after.getDate("deadline").toInstant()).isEqualTo(T0.plusSeconds(3 * 86400));
        assertThat(after.getList("processedEvents", String.class))
                .containsExactly(events.get(1).eventId().toString(), events.get(0).eventId().toString());
    }

    /** Another instance's projection (after a rebalance), by hand: the next version, with one field changed. */
    void writtenElsewhere(String number, String field, Object value) {
        Document now = stored(number);
        var moved = mongo.getCollection("complaints").updateOne(
                new Document("_id", number).append("version", now.getLong("version")),
                new Document("$set", new Document(field, value).append("version", now.getLong("version") + 1)));
        assertThat(moved.getModifiedCount()).isEqualTo(1);
    }

    @Test
    void a_remembered_status_another_writer_moved_on_is_written_on_nowhere_and_the_event_applied_to_the_stored_one() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        intake.project(events.get(1)); // accepted, remembered
        writtenElsewhere(number, "department", "ENGINEERING");

        List<Commands.Seen> seen = COMMANDS.during(() -> intake.project(events.get(0))); // the acceptance clock

        assertThat(seen).extracting(Commands.Seen::name).as("the remembered version's write matches nothing; read; write")
                .containsExactly("update", "find", "update");
        Document after = stored(number);
        assertThat(after.getString("department")).as("the other writer's change stands").isEqualTo("ENGINEERING");
        assertThat(after.getString("status")).isEqualTo("ACCEPTED");
        assertThat(after.getDate("deadline").toInstant()).isEqualTo(T0.plusSeconds(3 * 86400));
        assertThat(after.getList("processedEvents", String.class))
                .containsExactly(events.get(1).eventId().toString(), events.get(0).eventId().toString());

        // what the retry wrote is remembered: the next event reads nothing
        assertThat(COMMANDS.during(() -> intake.project(events.get(2)))).extracting(Commands.Seen::name).containsExactly("update");
    }

    @Test
    void an_event_that_changes_nothing_on_a_remembered_status_is_still_applied_when_the_stored_one_differs() throws Exception {
        String number = registered();
        var events = typicalVisibleEvents(number);
        events.subList(0, 3).forEach(intake::project); // triaged as SERVICE_ATTITUDE, remembered
        writtenElsewhere(number, "category", "PRODUCT_QUALITY"); // reclassified, projected by another instance
        // reclassified back, in an event older than the status: on the remembered status it changes nothing
        var back = EventEnvelope.<ComplaintEvent>of(new TriageEvents.ComplaintReclassified("SERVICE_ATTITUDE", Severity.GENERAL,
                Liability.LIABLE, Set.of(), "officer-2", "back"), number, T0, "corr", "test");

        List<Commands.Seen> seen = COMMANDS.during(() -> intake.project(back));

        assertThat(seen).extracting(Commands.Seen::name).containsExactly("find", "update");
        assertThat(stored(number).getString("category")).isEqualTo("SERVICE_ATTITUDE");
        assertThat(stored(number).getList("processedEvents", String.class)).contains(back.eventId().toString());
    }
}
