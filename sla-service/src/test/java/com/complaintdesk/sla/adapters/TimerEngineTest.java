package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.sla.adapters.mongo.CalendarStore;
import com.complaintdesk.sla.adapters.mongo.PolicyStore;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.CalendarService;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.PolicyService;
import com.complaintdesk.sla.application.SlaProperties;
import com.complaintdesk.sla.application.SlaScheduler;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.domain.ClockMetric;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durable timers in MongoDB: two instances over one database fire each timer exactly once; a dead instance's
 * claims are taken over after the lease; a restarted instance (nothing in memory) fires what was stored.
 */
class TimerEngineTest extends DurableTimerTest {

    @Autowired
    SlaProperties properties;
    @Autowired
    EventFactory events;
    @Autowired
    EventCodec codec;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    com.complaintdesk.sla.application.DailySupervision daily;
    @Autowired
    com.complaintdesk.sla.application.MonthlyReportWatch monthly;
    @Autowired
    PolicyService policiesService;
    @Autowired
    CalendarService calendarService;

    final JsonMapper json = JsonMapper.builder().build();

    /** Complaints accepted at {@code at}; their resolution is due two working days later. */
    List<String> acceptedComplaints(String prefix, int count, Instant at) {
        return acceptedComplaints(prefix, count, at, new TimerEngine(store, clocks, clock, "sweeper", LEASE, 500));
    }

    long breaches(SlaDocument d) {
        return d.sla.clocks().values().stream().flatMap(c -> c.history().stream())
                .filter(m -> m.kind() == ClockMetric.Kind.BREACHED).count();
    }

    /** Distinct event ids per complaint for one SLA event type, as seen on the topic. */
    Map<String, Long> distinctOnTopic(EventProbe probe, List<String> ids, String type) {
        return probe.records().stream().filter(r -> ids.contains(r.key()) && r.value().contains("\"type\":\"" + type + "\""))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> json.readTree(r.value()).path("eventId").asString(),
                                Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    }

    @Test
    void two_instances_over_one_database_fire_each_timer_exactly_once() throws Exception {
        List<String> ids = acceptedComplaints("pair", 300, shanghai("2027-03-01T10:00"));
        TimerEngine a = new TimerEngine(store, clocks, clock, "instance-a", LEASE, 25);
        TimerEngine b = new TimerEngine(store, clocks, clock, "instance-b", LEASE, 25);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            // ten days later every resolution clock is breached and its whole ladder is due
            clock.set(shanghai("2027-03-11T10:00"));
            var pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> both = List.of(a::drain, b::drain);
            int fired = 0;
            for (var f : pool.invokeAll(both)) {
                fired += f.get();
            }
            pool.shutdown();

            assertThat(fired).isEqualTo(ids.size());
            for (String id : ids) {
                SlaDocument d = store.find(id).orElseThrow();
                assertThat(breaches(d)).as(id).isEqualTo(1);
                assertThat(d.leaseOwner).isNull();
                assertThat(d.wakeAt).as("the ladder is done").isNull();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> distinctOnTopic(probe, ids, "SlaBreached").size() == ids.size());
            Thread.sleep(300);
            assertThat(distinctOnTopic(probe, ids, "SlaBreached").values()).containsOnly(1L);
            assertThat(distinctOnTopic(probe, ids, "SlaEscalated").values()).containsOnly(3L);
        }
    }

    @Test
    void the_timers_claimed_by_an_instance_that_died_are_taken_over_when_its_lease_runs_out() {
        List<String> ids = acceptedComplaints("takeover", 40, shanghai("2027-06-01T10:00"));
        TimerEngine dying = new TimerEngine(store, clocks, clock, "instance-dying", LEASE, 500);
        TimerEngine survivor = new TimerEngine(store, clocks, clock, "instance-survivor", LEASE, 500);
        clock.set(shanghai("2027-06-11T10:00"));

        // the first instance claims the due timers and dies before firing them
        assertThat(dying.claim()).containsAll(ids);
        assertThat(survivor.fireDue()).as("leases still held").isZero();

        // within one lease the survivor takes them over, each exactly once
        clock.advance(LEASE.plusSeconds(1));
        assertThat(survivor.drain()).isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(breaches(store.find(id).orElseThrow())).isEqualTo(1);
            // the dead instance coming back finds its lease gone and writes nothing
            assertThat(clocks.fire(id, dying.owner())).isFalse();
        }
        assertThat(survivor.drain()).isZero();
    }

    @Test
    void the_scheduler_loop_fires_a_timer_once_the_clock_reaches_it() {
        List<String> ids = acceptedComplaints("loop", 3, shanghai("2027-11-01T10:00"));
        var scheduler = new SlaScheduler(new TimerEngine(store, clocks, clock, "instance-loop", LEASE, 50), daily, monthly,
                policiesService, calendarService, Duration.ofMillis(20), Duration.ofSeconds(30));
        scheduler.start();
        try {
            clock.set(shanghai("2027-11-10T10:00"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> ids.stream().allMatch(id -> breaches(store.find(id).orElseThrow()) == 1));
        } finally {
            scheduler.stop();
        }
        assertThat(scheduler.isRunning()).isFalse();
    }

    @Test
    void a_restarted_instance_with_nothing_in_memory_fires_the_timers_stored_before_the_restart() {
        List<String> ids = acceptedComplaints("restart", 20, shanghai("2027-09-01T10:00"));

        // "restart": every service object built anew over the same database
        var store2 = new SlaStore(mongo);
        var policies2 = new PolicyService(new PolicyStore(mongo), properties, jsonMapper, clock);
        var calendar2 = new CalendarService(new CalendarStore(mongo), properties, clock);
        var clocks2 = new ClockService(store2, policies2, calendar2, events, codec, clock, new SimpleMeterRegistry());
        var restarted = new TimerEngine(store2, clocks2, clock, "instance-restarted", LEASE, 500);

        clock.set(shanghai("2027-09-02T10:00"));
        assertThat(restarted.drain()).as("nothing due yet: the warning is on Friday").isZero();
        clock.set(shanghai("2027-09-20T10:00"));
        assertThat(restarted.drain()).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(breaches(store2.find(id).orElseThrow())).isEqualTo(1));
    }

    @Test
    void the_writes_of_a_firing_are_served_by_a_unique_id_version_index_so_their_cost_does_not_grow_with_open_timers() {
        // mongo-java-server scans the collection for any query whose keys are not exactly a unique index's keys;
        // the versioned save and the claim's compare-and-set are {_id, version}
        assertThat(mongo.indexOps(SlaStore.CLOCKS).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("_id", "version");
        });
        // and a claimed timer is not claimed again by a second instance while the lease holds
        List<String> ids = acceptedComplaints("cas", 5, shanghai("2028-03-01T10:00"));
        clock.set(shanghai("2028-03-20T10:00"));
        assertThat(new TimerEngine(store, clocks, clock, "instance-c", LEASE, 500).claim()).containsAll(ids);
        assertThat(new TimerEngine(store, clocks, clock, "instance-d", LEASE, 50).claim()).isEmpty();
    }
}
