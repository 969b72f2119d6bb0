package com.complaintdesk.kit.events;

import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service stops its Kafka listeners in bounded time, with nothing but the kit's defaults: a listener in the middle
 * of a poll's batch stops after the record in hand (it used to apply the whole rest of the batch first, which under a
 * backlog outlasted the stop timeout; followup-service's fix, now the kit's default), and a listener waiting in a poll
 * stops at once rather than after the poll timeout.
 */
@SpringBootTest(classes = KafkaListenerStopTest.App.class, properties = {
        "spring.application.name=kit-stop-test", "kit.outbox.relay-enabled=false"})
class KafkaListenerStopTest {

    static final String TOPIC = "kit.listener-stop-test";
    static final String LISTENER = "kit-stop-test";
    static final String IDLE_TOPIC = "kit.listener-idle-test";
    static final String IDLE_LISTENER = "kit-idle-test";
    /** One poll's worth of records, and the time each takes (a few MongoDB round trips in a real service). */
    static final int BACKLOG = 200;
    static final Duration PER_RECORD = Duration.ofMillis(25);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({SlowListener.class, IdleListener.class})
    static class App {
        @Bean
        NewTopic backlogTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).build();
        }

        @Bean
        NewTopic idleTopic() {
            return TopicBuilder.name(IDLE_TOPIC).partitions(1).build();
        }
    }

    /** A listener whose records take a while each. */
    static class SlowListener {
        final AtomicInteger handled = new AtomicInteger();

        @KafkaListener(id = LISTENER, groupId = LISTENER, topics = TOPIC, autoStartup = "false")
        void on(ConsumerRecord<String, String> record) {
            LockSupport.parkNanos(PER_RECORD.toNanos()); // the record's work
            handled.incrementAndGet();
        }
    }

    /** A listener on a topic nobody writes to: it spends its time waiting in a poll. */
    static class IdleListener {
        @KafkaListener(id = IDLE_LISTENER, groupId = IDLE_LISTENER, topics = IDLE_TOPIC, autoStartup = "false")
        void on(ConsumerRecord<String, String> record) {
        }
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    SlowListener listener;

    MessageListenerContainer container() {
        return listeners.getListenerContainer(LISTENER);
    }

    MessageListenerContainer idle() {
        return listeners.getListenerContainer(IDLE_LISTENER);
    }

    @AfterEach
    void stopped() {
        container().stop();
        idle().stop();
    }

    /**
     * Well under the 5 s either wrong behaviour takes, and over what a stop takes: the record in hand, then closing the
     * consumer, which waits for its fetch in flight (up to {@code fetch.max.wait.ms}, the kit's 2 s).
     */
    static final Duration STOPPED_WITHIN = Duration.ofMillis(3_000);

    /** Stops the container and returns how long that took. */
    static Duration timeToStop(MessageListenerContainer container) {
        long started = System.nanoTime();
        container.stop();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void a_listener_mid_batch_stops_after_the_record_in_hand_and_leaves_the_rest_of_the_poll() {
        assertThat(container().getContainerProperties().isStopImmediate()).as("the kit's default").isTrue();
        // a backlog that arrives in one poll, in order
        var sends = new CompletableFuture<?>[BACKLOG];
        for (int i = 0; i < BACKLOG; i++) {
            sends[i] = kafka.send(TOPIC, "C-backlog", "record " + i);
        }
        CompletableFuture.allOf(sends).join();
        container().start();
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.get() >= 1);

        Duration stopping = timeToStop(container());

        // applying the rest of the batch first would take about BACKLOG × PER_RECORD (5 s); closing the consumer
        // waits for its fetch in flight, up to fetch.max.wait.ms (the kit's 2 s)
        assertThat(stopping).isLessThan(STOPPED_WITHIN);
        assertThat(listener.handled.get()).as("records applied of the poll").isLessThan(BACKLOG / 2);
    }

    @Test
    void a_listener_waiting_in_a_poll_stops_without_waiting_for_the_poll_timeout() {
        idle().start();
        // partitions assigned: from now on the consumer waits in poll() for records that do not come
        await().atMost(Duration.ofSeconds(30)).until(() -> idle().getAssignedPartitions() != null
                && !idle().getAssignedPartitions().isEmpty());

        Duration stopping = timeToStop(idle());

        assertThat(stopping).as("the poll timeout is %s ms", idle().getContainerProperties().getPollTimeout())
                .isLessThan(STOPPED_WITHIN);
    }
}
