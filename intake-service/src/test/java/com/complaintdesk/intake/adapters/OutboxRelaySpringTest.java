package com.complaintdesk.intake.adapters;

import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outbox relay's tests: a relay of their own over a collection of their own, on intake's database and broker.
 * <p>
 * The classes share one application context and so one database, and the relay remembers the ids of the events it
 * sent in that database ({@code outbox_sent}) whatever the collection: an event id used by two tests makes the second
 * relay skip the event as already sent. Tests therefore name their events after their topic ({@link #eventId}).
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles("test")
@Import(MongoCommandLog.Registration.class)
abstract class OutboxRelaySpringTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoCommandLog commands;

    /** The test's topic, created before the relays send to it (not left to the broker's auto-creation). */
    static String createdTopic(String topic) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            return topic;
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    /** An event id no other test uses: the document's id and the event's place, under the test's own topic. */
    static String eventId(String topic, String docId, int i) {
        return topic + "/" + docId + "-" + i;
    }
}
