package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.complaintdesk.followup.adapters.Mother.resolved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up stops promptly on SIGTERM even with a backlog: the listener stops after the record in hand instead of
 * applying the rest of its poll batch first, and what it left is applied once after the restart, nothing twice.
 */
class ListenerStopTest extends ServiceHarness {

    static final int BACKLOG = 120;
    static final Duration PER_RECORD = Duration.ofMillis(40);

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void normalSpeed() {
        clock.slowDown(Duration.ZERO);
        container().start();
    }

    MessageListenerContainer container() {
        return listeners.getListenerContainer("followup-cases");
    }

    @Test
    void a_busy_listener_stops_after_the_record_in_hand_and_the_rest_is_applied_once_after_the_restart() {
        assertThat(container().getContainerProperties().isStopImmediate()).isTrue();

        // a backlog that arrives in one poll, and records that take a while each
        container().stop();
        List<String> ids = new ArrayList<>();
        Instant t = at("2026-11-27T15:00");
        for (int i = 0; i < BACKLOG; i++) {
            String id = newComplaintId();
            ids.add(id);
            feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-1"), t);
        }
        clock.slowDown(PER_RECORD);
        container().start();
        probe.await(r -> ids.contains(r.key()) && r.value().contains("\"RevisitDue\""), 1, Duration.ofSeconds(30));

        long started = System.nanoTime();
        container().stop();
        Duration stopping = Duration.ofNanos(System.nanoTime() - started);

        // applying the whole batch first would take about BACKLOG × PER_RECORD (~5 s); closing the consumer waits for
        // its fetch in flight, up to fetch.max.wait.ms (the kit's 2 s)
        assertThat(stopping).isLessThan(Duration.ofMillis(3000));

        clock.slowDown(Duration.ZERO);
        container().start();
        for (String id : ids) {
            await(id, "RevisitDue", 1);
        }
        eventually(() -> ids.forEach(id -> assertThat(count(id, "RevisitDue")).as(id).isEqualTo(1)));
    }
}
