package com.complaintdesk.kit.events;

import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the kit's defaults a listener commits its offsets once a second (or every 500 records), not after every poll:
 * records that come one at a time, as complaints do, no longer cost one commit each. A graceful stop still commits
 * everything the listener applied, so the next owner of the partition starts after it.
 */
@SpringBootTest(classes = OffsetCommitTest.App.class, properties = {
        "spring.application.name=kit-commit-test", "kit.outbox.relay-enabled=false"})
class OffsetCommitTest {

    static final String TOPIC = "kit.offset-commit-test";
    static final String LISTENER = "kit-commit-test";
    static final int RECORDS = 60;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CountingListener.class)
    static class App {
        @Bean
        NewTopic commitTopic() {
            return TopicBuilder.name(TOPIC).partitions(1).build();
        }
    }

    static class CountingListener {
        final AtomicInteger handled = new AtomicInteger();

        @KafkaListener(id = LISTENER, groupId = LISTENER, topics = TOPIC, autoStartup = "false")
        void on(ConsumerRecord<String, String> record) {
            handled.incrementAndGet();
        }
    }

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    CountingListener listener;

    @Test
    void records_that_trickle_in_are_committed_once_a_second_and_all_of_them_on_stop() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
        assertThat(container.getContainerProperties().getAckMode()).as("the kit's default").isEqualTo(AckMode.COUNT_TIME);
        container.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> container.getAssignedPartitions() != null
                && !container.getAssignedPartitions().isEmpty());

        for (int i = 0; i < RECORDS; i++) {
            kafka.send(TOPIC, "C-" + i, "record " + i).get(10, TimeUnit.SECONDS);
            Thread.sleep(20); // a trickle: each poll finds about one record
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.get() == RECORDS);

        double commits = commitsOf(container);
        // after every poll (the former default, AckMode.BATCH) this was about one commit per record
        assertThat(commits).as("offset commits for %d records arriving over about %d ms", RECORDS, RECORDS * 25)
                .isGreaterThanOrEqualTo(1).isLessThan(RECORDS / 4.0);

        container.stop();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(LISTENER)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            assertThat(committed.get(new TopicPartition(TOPIC, 0)).offset()).as("committed on stop").isEqualTo(RECORDS);
        }
    }

    /** The consumer's own count of offset commits. */
    private static double commitsOf(MessageListenerContainer container) {
        return ConsumerMetrics.total(container, "consumer-coordinator-metrics", "commit-total");
    }
}
