package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.DailySupervision;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static com.complaintdesk.testsupport.EventProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Life-cycle events in on Kafka, SLA events out on Kafka through the outbox, clocks over HTTP. */
class SlaFlowTest extends SlaSpringTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    MutableClock clock;
    @Autowired
    TimerEngine timers;
    @Autowired
    DailySupervision daily;
    @Autowired
    SlaStore store;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode payload(ConsumerRecord<String, String> r) {
        return json.readTree(r.value()).path("payload");
    }

    @Test
    void a_complaint_gets_its_clocks_from_the_lifecycle_events_and_breaches_escalate_once() throws Exception {
        String id = newComplaintId("flow");
        Instant receivedAt = shanghai("2026-11-23T09:30");
        clock.set(receivedAt);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            // received → acceptance-decision clock, 3 days
            kafka.send(Topics.INTAKE, id, codec.encode(envelope(id, received(id, receivedAt), receivedAt))).get();
            var acceptance = probe.await(ofType(id, "SlaClockStarted"), 1, Duration.ofSeconds(30)).get(0);
            assertThat(payload(acceptance).path("clock").asString()).isEqualTo(SlaClocks.ACCEPTANCE_DECISION);
            assertThat(Instant.parse(payload(acceptance).path("dueAt").asString())).isEqualTo(shanghai("2026-11-26T09:30"));

            // accepted → acceptance stops, resolution starts; a redelivery changes nothing
            var accepted = envelope(id, new ComplaintAccepted("officer", null), shanghai("2026-11-23T10:00"));
            kafka.send(Topics.TRIAGE, id, codec.encode(accepted)).get();
            kafka.send(Topics.TRIAGE, id, codec.encode(accepted)).get();
            probe.await(ofType(id, "SlaClockStopped"), 1, Duration.ofSeconds(30));
            var started = probe.await(r -> ofType(id, "SlaClockStarted").test(r)
                    && payload(r).path("clock").asString().equals(SlaClocks.RESOLUTION), 1, Duration.ofSeconds(30));
            assertThat(Instant.parse(payload(started.get(0)).path("dueAt").asString())).isEqualTo(shanghai("2026-11-25T18:00"));
            await().atMost(Duration.ofSeconds(10)).until(() -> store.find(id).map(d -> d.getProcessedEvents().size()).orElse(0) == 2);

            // time passes: due Wednesday 18:00; a timer fired on Thursday warns no more, breaches and escalates
            clock.set(shanghai("2026-11-26T09:00"));
            assertThat(timers.drain()).isGreaterThanOrEqualTo(1);
            var breach = probe.await(ofType(id, "SlaBreached"), 1, Duration.ofSeconds(30));
            assertThat(payload(breach.get(0)).path("level").asString()).isEqualTo("SERVICE_SUPERVISOR");
            probe.await(ofType(id, "SlaEscalated"), 1, Duration.ofSeconds(30));
            assertThat(timers.drain()).as("nothing more is due").isZero();

            // the clocks over HTTP: first response stored, overdue
            var clocks = http.get("/api/v1/sla/complaints/" + id + "/clocks", staff("SUPERVISOR"));
            assertThat(clocks.statusCode()).isEqualTo(200);
            JsonNode view = json.readTree(clocks.body());
            assertThat(view.path("overdue").asBoolean()).isTrue();
            assertThat(Instant.parse(view.path("firstResponseAt").asString())).isEqualTo(shanghai("2026-11-23T10:00"));
            assertThat(view.path("clocks").findValuesAsString("clock")).contains(SlaClocks.ACCEPTANCE_DECISION, SlaClocks.RESOLUTION);

            var overdue = http.get("/api/v1/sla/overdue", staff("SUPERVISOR"));
            assertThat(overdue.body()).contains(id);

            // SPEC §3.17: the daily list goes out once a business day, keyed by the date
            clock.set(shanghai("2026-11-26T09:05"));
            var report = daily.runIfDue();
            assertThat(report).isPresent();
            assertThat(daily.runIfDue()).as("once a day").isEmpty();
            var published = probe.await(r -> r.key().equals("daily-2026-11-26"), 1, Duration.ofSeconds(30));
            assertThat(payload(published.get(0)).path("overdueComplaints").toString()).contains(id);
            assertThat(http.get("/api/v1/sla/reports/daily/" + LocalDate.of(2026, 11, 26), staff("SUPERVISOR")).body()).contains(id);

            // exactly once on the topic (by event id) despite the redelivered acceptance
            Thread.sleep(500);
            List<String> resolutionStarts = probe.records().stream()
                    .filter(r -> ofType(id, "SlaClockStarted").test(r) && payload(r).path("clock").asString().equals(SlaClocks.RESOLUTION))
                    .map(r -> json.readTree(r.value()).path("eventId").asString()).distinct().toList();
            assertThat(resolutionStarts).hasSize(1);
        }
    }

    @Test
    void the_daily_report_waits_for_a_business_day_and_its_time() {
        clock.set(shanghai("2026-11-28T10:00")); // a Saturday
        assertThat(daily.runIfDue()).isEmpty();
        clock.set(shanghai("2026-11-30T08:59")); // Monday, before 09:00
        assertThat(daily.runIfDue()).isEmpty();
    }
}
