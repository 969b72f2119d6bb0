package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.DepartmentTransferred;
import com.complaintdesk.contracts.events.DispatchEvents.DisagreementRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionProposed;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dispatch's handling events on Kafka move the on-site and supervisor-to-manager clocks (SPEC §3.10, §3.12): a transfer
 * to another department ends the on-site clock of the dropped proposal, and only the supervisor's consultation of the
 * manager ends the 15-minute clock.
 */
class HandlingClocksFlowTest extends SlaSpringTest {

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

    final JsonMapper json = JsonMapper.builder().build();
    final Instant monday = shanghai("2026-11-23T10:00");

    /** The service's time is the events' time; due timers of earlier tests are fired first, out of the way. */
    @BeforeEach
    void monday() {
        clock.set(monday);
        timers.drain();
    }

    JsonNode payload(ConsumerRecord<String, String> r) {
        return json.readTree(r.value()).path("payload");
    }

    void send(String topic, String id, ComplaintEvent event, Instant at) throws Exception {
        kafka.send(topic, id, codec.encode(envelope(id, event, at))).get();
    }

    /** Waits until sla-service has applied {@code count} events of the complaint. */
    void applied(String id, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.find(id).map(d -> d.getProcessedEvents().size()).orElse(0) >= count);
    }

    List<String> stopReasons(String id, String clock) {
        return store.find(id).orElseThrow().sla.finished().stream().filter(c -> c.name().equals(clock))
                .map(c -> c.stopReason()).toList();
    }

    @Test
    void a_transfer_to_another_department_ends_the_on_site_clock_and_the_new_departments_visit_gets_a_fresh_one()
            throws Exception {
        String id = newComplaintId("onsite");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            send(Topics.INTAKE, id, received(id, monday), monday);
            send(Topics.TRIAGE, id, new ComplaintAccepted("officer", null), monday);
            var repair = List.of(new SolutionItem(SolutionKind.REPAIR, "repair on site", null));
            send(Topics.DISPATCH, id, new SolutionProposed(repair, true, List.of(), EscalationLevel.HANDLER, "eng-h1"),
                    monday.plusSeconds(3600));
            send(Topics.DISPATCH, id, new DepartmentTransferred("ENGINEERING", "OPERATIONS", "eng-h1", "ops-h1",
                    "the tenant's own fitting", "eng-mgr"), monday.plusSeconds(7200));

            var stopped = probe.await(r -> EventProbe.ofType(id, "SlaClockStopped").test(r)
                    && payload(r).path("clock").asString().equals(SlaClocks.ON_SITE_ARRIVAL), 1, Duration.ofSeconds(30));
            assertThat(payload(stopped.get(0)).path("reason").asString()).isEqualTo("DEPARTMENT_TRANSFERRED");
            assertThat(payload(stopped.get(0)).path("breached").asBoolean()).isFalse();

            Instant again = monday.plus(Duration.ofDays(1));
            send(Topics.DISPATCH, id, new SolutionProposed(repair, true, List.of(), EscalationLevel.HANDLER, "ops-h1"), again);
            applied(id, 5);
            var current = store.find(id).orElseThrow().sla.clocks().get(SlaClocks.ON_SITE_ARRIVAL);
            assertThat(current.active()).isTrue();
            assertThat(current.dueAt()).isEqualTo(again.plus(Duration.ofHours(24)));
            assertThat(stopReasons(id, SlaClocks.ON_SITE_ARRIVAL)).containsExactly("DEPARTMENT_TRANSFERRED");
        }
    }

    @Test
    void an_escalation_notice_to_the_manager_leaves_the_15_minute_clock_running_until_the_supervisor_consulted_them()
            throws Exception {
        String id = newComplaintId("consult");
        send(Topics.INTAKE, id, received(id, monday), monday);
        send(Topics.TRIAGE, id, new ComplaintAccepted("officer", null), monday);
        send(Topics.DISPATCH, id, new DisagreementRecorded("sup-zhou", "still angry"), monday.plusSeconds(60));
        // dispatch passing another clock's SLA escalation on to the manager
        send(Topics.DISPATCH, id, new StaffNotified("ops-mgr-zhao", "DEPARTMENT_MANAGER", "OPERATIONS",
                "SLA RESOLUTION escalated to DEPARTMENT_MANAGER."), monday.plusSeconds(120));
        applied(id, 4);
        assertThat(store.find(id).orElseThrow().sla.clocks().get(SlaClocks.SUPERVISOR_TO_MANAGER).active()).isTrue();

        send(Topics.DISPATCH, id, new StaffNotified("ops-mgr-zhao", "DEPARTMENT_MANAGER", "OPERATIONS",
                "Consulted by sup-zhou about the complainant's disagreement after on-site handling: apologise", "sup-zhou"),
                monday.plusSeconds(600));
        applied(id, 5);
        var clock = store.find(id).orElseThrow().sla.clocks().get(SlaClocks.SUPERVISOR_TO_MANAGER);
        assertThat(clock.active()).isFalse();
        assertThat(clock.stopReason()).isEqualTo("MANAGER_REACHED");
    }
}
