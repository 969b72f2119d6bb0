package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.DispatchEvents.InvestigationRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionProposed;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDone;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDue;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.sla.adapters.mongo.MonthlyDeadlineDocument;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.domain.ClockMetric;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.sla.support.SlaMother.triaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store round trips sla-service spends on one complaint's usual life cycle, counted from the driver's command
 * log ({@link MongoCommandLog}): the listener's and the timer engine's commands are deterministic for a given
 * sequence of polls, so each stage's events are sent while the listener is paused and arrive in one poll, as the
 * events of one decision of another service (relayed together) usually do.
 */
class StoreRoundTripsTest extends SlaSpringTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    SlaStore store;
    @Autowired
    MutableClock clock;
    @Autowired
    TimerEngine timers;
    @Autowired
    MonthlyReportWatch monthly;
    @Autowired
    ClockService clocks;
    @Autowired
    MongoCommandLog commands;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /**
     * The listener's round trips for the life cycle below. Before batching they were 27: 9 look-ups, 1 insert and 8
     * saves of the clocks (one of each per event), and 3 listings of a timer (3 bucket writes each). Then 20: 5
     * look-ups, 1 insert (without a look-up) and 5 saves (one of each per poll), and the same 3 listings. Now 15: no
     * look-up (each poll starts from the document as this instance saved it last: the listener's insert and saves,
     * and the firing's save after its claim), 1 insert, 5 saves, 3 listings; the bound leaves room for one stage split
     * over two polls or one save retried after a concurrent change (the failed save and a look-up).
     */
    static final int LISTENER_BOUND = 18;
    /** One firing: the claimed document read and saved, and its next due time listed (unchanged). */
    static final int FIRING_BOUND = 5;

    final Instant monday = shanghai("2026-11-23T10:00");

    @BeforeEach
    void monday() {
        clock.set(monday);
        timers.drain(); // earlier tests' due timers out of the way
    }

    record Sent(String topic, ComplaintEvent event) {
    }

    static Sent on(String topic, ComplaintEvent event) {
        return new Sent(topic, event);
    }

    /** Sends one stage's events while the listener is paused, so they come in one poll; waits until applied. */
    void stage(String id, int appliedAfter, Sent... events) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("sla-clocks");
        container.pause();
        await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (Sent s : events) { // relayed together, as one decision's events are
            sent.add(kafka.send(s.topic(), id, codec.encode(envelope(id, s.event(), clock.instant()))));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        container.resume();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.find(id).map(d -> d.getProcessedEvents().size()).orElse(0) >= appliedAfter);
        Thread.sleep(300); // an ignored record after the last applied one, and the listener's last write, settle
    }

    @Test
    void one_complaints_life_cycle_takes_a_bounded_number_of_store_round_trips() throws Exception {
        String id = newComplaintId("trips");
        commands.reset();

        stage(id, 1, on(Topics.INTAKE, received(id, monday)));
        clock.advance(Duration.ofMinutes(20));
        stage(id, 3, on(Topics.TRIAGE, new ComplaintAccepted("officer", null)),
                on(Topics.TRIAGE, triaged(Severity.GENERAL, Liability.LIABLE)));
        clock.advance(Duration.ofMinutes(5));
        stage(id, 5, on(Topics.DISPATCH, new ComplaintDispatched("SERVICE_DESK", "h1", null, "PRODUCT_QUALITY",
                        Severity.GENERAL, false, false, false, "rules")),
                on(Topics.DISPATCH, new StaffNotified("h1", "HANDLER", "SERVICE_DESK", "assigned")),
                on(Topics.INTAKE, new ComplaintUrged(1, "快点")));
        clock.advance(Duration.ofHours(1));
        stage(id, 5, on(Topics.DISPATCH, new InvestigationRecorded("staff", "desk", null, "rude", "h1")));

        // a warning falls due before the solution: the timer engine fires it
        clock.set(shanghai("2026-11-25T15:00"));
        int firings = timers.drain(); // earlier tests' timers due by then too
        assertThat(firings).isGreaterThanOrEqualTo(1);
        assertThat(store.find(id).orElseThrow().sla.clocks().values().stream().flatMap(c -> c.history().stream())
                .anyMatch(m -> m.kind() == ClockMetric.Kind.WARNED)).as("warned").isTrue();

        clock.advance(Duration.ofMinutes(30));
        stage(id, 6, on(Topics.DISPATCH, new SolutionProposed(List.of(new SolutionItem(SolutionKind.APOLOGY, "道歉", null)),
                false, List.of(), null, "h1")));
        clock.advance(Duration.ofMinutes(30));
        stage(id, 7, on(Topics.DISPATCH, new ComplaintResolved("done", "sorry", null, "h1", "SERVICE_DESK", "h1")),
                on(Topics.FOLLOWUP, new RevisitDue(clock.instant().plus(Duration.ofDays(1)), "PHONE", "r1")));
        clock.advance(Duration.ofDays(1));
        stage(id, 9, on(Topics.FOLLOWUP, new RevisitDone(true, 5, true, "ok", "r1", true)),
                on(Topics.FOLLOWUP, new ComplaintClosed("revisited")));

        SlaDocument done = store.find(id).orElseThrow();
        assertThat(done.wakeAt).as("every clock stopped, no timer left").isNull();
        assertThat(done.getProcessedEvents()).hasSize(9);

        Map<String, Long> counts = commands.snapshot();
        long listener = commands.sentBy("listener");
        long fire = commands.sentBy("fire");
        System.out.printf("store round trips of one complaint's life cycle: listener %d (%s %d, timer buckets %d), "
                        + "%d firing(s) %d; besides: bucket walk %d, outbox relay %d, the test's look-ups %d%n%s%n",
                listener, SlaStore.CLOCKS, commands.sentBy("listener", SlaStore.CLOCKS),
                listener - commands.sentBy("listener", SlaStore.CLOCKS), firings, fire, commands.sentBy("timers"),
                commands.sentBy("relay"), commands.sentBy("other"), counts);
        assertThat(listener).as("listener round trips of one life cycle: %s", counts).isLessThanOrEqualTo(LISTENER_BOUND);
        assertThat(counts.getOrDefault("listener find " + SlaStore.CLOCKS, 0L))
                .as("look-ups of the clocks by the listener (5 before sla.clock-cache): %s", counts).isZero();
        assertThat(fire).as("round trips of one firing: %s", counts).isLessThanOrEqualTo((long) FIRING_BOUND * firings);
    }

    @Test
    void the_scheduler_pass_reads_the_monthly_deadline_only_when_it_can_be_due() {
        clock.set(shanghai("2031-02-01T08:00"));
        assertThat(monthly.tick()).isEmpty(); // creates January's deadline, 2031-02-06 00:00
        commands.reset();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofHours(4));
            assertThat(monthly.tick()).isEmpty();
        }
        long before = commands.sentBy("monthly", MonthlyDeadlineDocument.COLLECTION);

        clock.set(shanghai("2031-02-06T00:01"));
        assertThat(monthly.tick()).as("flagged once due").isPresent();
        commands.reset();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(monthly.tick()).isEmpty();
        }
        long after = commands.sentBy("monthly", MonthlyDeadlineDocument.COLLECTION);
        System.out.printf("monthly deadline: %d reads in 20 passes before it is due, %d in 20 passes once flagged%n",
                before, after);
        assertThat(before).as("passes before the deadline (one read each before)").isZero();
        assertThat(after).as("passes once flagged (one read each before)").isZero();
        assertThat(monthly.find("2031-01").orElseThrow().overdueAt).isEqualTo(shanghai("2031-02-06T00:01"));
    }

    @Test
    void an_unreadable_record_in_a_poll_goes_to_the_dead_letter_topic_and_the_events_around_it_are_applied() throws Exception {
        String id = newComplaintId("trips-poison");
        MessageListenerContainer container = listeners.getListenerContainer("sla-clocks");
        try (var dlt = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.INTAKE))) {
            container.pause();
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            kafka.send(Topics.INTAKE, id, codec.encode(envelope(id, received(id, monday), monday)));
            // an ignored type by its header is not read at all; a record without the header is, and is poison
            var ignored = new ProducerRecord<>(Topics.INTAKE, id, "{ignored, never read");
            ignored.headers().add(EventCodec.TYPE_HEADER, "ComplaintUrged".getBytes(StandardCharsets.UTF_8));
            kafka.send(ignored);
            kafka.send(Topics.INTAKE, id, "{not an envelope");
            kafka.send(Topics.INTAKE, id, codec.encode(envelope(id, new EvidenceAdded(
                    new EvidenceRef("ev-1", "receipt.png", "image/png", 10), 1, "complainant"), monday)));
            kafka.flush();
            container.resume();

            var dead = dlt.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(dead.get(0).value()).isEqualTo("{not an envelope");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.find(id).map(d -> d.getProcessedEvents().size()).orElse(0) == 2);
            assertThat(dlt.records()).filteredOn(r -> id.equals(r.key())).extracting(ConsumerRecord::value)
                    .containsExactly("{not an envelope");
        }
    }

    @Test
    void a_registration_inserted_without_a_look_up_still_meets_an_existing_document() {
        // later events first (a replay across topics): the registration's insert fails on _id and it is applied to them
        String id = newComplaintId("trips-late-received");
        EventEnvelope<ComplaintEvent> accepted = envelope(id, new ComplaintAccepted("officer", null), monday.plus(Duration.ofMinutes(30)));
        EventEnvelope<ComplaintEvent> received = envelope(id, received(id, monday), monday);
        clocks.on(accepted);
        clocks.on(received);
        SlaDocument both = store.find(id).orElseThrow();
        assertThat(both.getProcessedEvents()).containsExactly(accepted.eventId().toString(), received.eventId().toString());
        assertThat(both.sla.clocks()).isNotEmpty();

        // a redelivered registration changes nothing: no write, nothing new to relay
        await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).orElseThrow().getOutbox().isEmpty());
        long version = store.find(id).orElseThrow().getVersion();
        clocks.on(received);
        SlaDocument again = store.find(id).orElseThrow();
        assertThat(again.getVersion()).isEqualTo(version);
        assertThat(again.getOutbox()).isEmpty();
        assertThat(again.getProcessedEvents()).hasSize(2);
    }
}
