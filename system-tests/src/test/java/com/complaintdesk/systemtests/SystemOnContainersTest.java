package com.complaintdesk.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.concurrent.TimeUnit;

/**
 * The same services and the same journey against real images: Apache Kafka (native, 4.1.2) and MongoDB 7 as a
 * replica set. Skipped (and reported as skipped) where no Docker engine is available, as on the shared machine.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SystemOnContainersTest {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.2");

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @Test
    void givenRealKafkaAndMongoDbImages_whenAFrontEndRegistersAComplaint_thenItFlowsToTheLedgerAsOnTheEmbeddedInfrastructure() {
        String mongoBase = MONGO.getReplicaSetUrl().replaceAll("/[^/]*$", "");
        try (RunningSystem system = RunningSystem.start(KAFKA.getBootstrapServers(), mongoBase)) {
            ComplaintJourney.run(system);
        }
    }
}
