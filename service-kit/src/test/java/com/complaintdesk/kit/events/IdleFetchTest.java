package com.complaintdesk.kit.events;

import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the kit's defaults an idle consumer's fetch waits up to 2 s at the broker ({@code fetch.max.wait.ms}) instead
 * of 500 ms, so an idle listener fetches a quarter as often; a record sent while the fetch waits answers it at once,
 * so no record waits for those 2 s (issue 7).
 */
@SpringBootTest(classes = IdleFetchTest.App.class, properties = {
        "spring.application.name=kit-idle-fetch-test", "kit.outbox.relay-enabled=false"})
class IdleFetchTest {

    static final String TOPIC = "kit.idle-fetch-test";
    static final String LISTENER = "kit-idle-fetch-test";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TimingListener.class)
    static class App {
        @Bean
        NewTopic idleFetchTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).build();
        }
    }

    static class TimingListener {
        /** the nanoTime each record was handled, in arrival order */
        final BlockingQueue<Long> handledAt = new LinkedBlockingQueue<>();

        @KafkaListener(id = LISTENER, groupId = LISTENER, topics = TOPIC, autoStartup = "false")
        void on(ConsumerRecord<String, String> record) {
            handledAt.add(System.nanoTime());
        }
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    TimingListener listener;

    @Test
    void an_idle_listener_fetches_rarely_and_a_record_sent_meanwhile_is_handled_at_once() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
        container.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                    && !container.getAssignedPartitions().isEmpty());
            // a first record, so the consumer has its position and is fetching for it
            kafka.send(TOPIC, "C-0", "first").get(10, TimeUnit.SECONDS);
            assertThat(listener.handledAt.poll(30, TimeUnit.SECONDS)).as("the first record").isNotNull();

            double before = fetchesOf(container);
            Thread.sleep(6_000);
            double idleFetches = fetchesOf(container) - before;
            // Kafka's default (500 ms) makes about 12 in 6 s; 2 s about 3
            assertThat(idleFetches).as("fetch requests of an idle consumer in 6 s").isLessThanOrEqualTo(5);

            // records sent at moments unrelated to the fetch's 2 s wait: none waits for the wait to end
            List<Long> latenciesMs = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Thread.sleep(700);
                long sent = System.nanoTime();
                kafka.send(TOPIC, "C-" + i, "record " + i).get(10, TimeUnit.SECONDS);
                Long handled = listener.handledAt.poll(10, TimeUnit.SECONDS);
                assertThat(handled).as("record %d handled", i).isNotNull();
                latenciesMs.add(TimeUnit.NANOSECONDS.toMillis(handled - sent));
            }
            // waiting for the fetch to time out would spread them over 0-2 s
            assertThat(latenciesMs).as("send to handled, ms").allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
        } finally {
            container.stop();
        }
    }

    /** The consumer's own count of fetch requests. */
    private static double fetchesOf(MessageListenerContainer container) {
        return ConsumerMetrics.total(container, "consumer-fetch-manager-metrics", "fetch-total");
    }
}
