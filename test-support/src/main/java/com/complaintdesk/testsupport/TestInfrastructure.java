package com.complaintdesk.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * The one place tests choose their infrastructure. By default: Spring Kafka's embedded KRaft broker (a real
 * Apache Kafka broker in this JVM) and mongo-java-server (the MongoDB wire protocol in this JVM). With
 * {@code -Dinfra=testcontainers} and a Docker engine: real Kafka and MongoDB images. Each is started once per
 * JVM and shared; each test class gets its own database.
 * <p>
 * Use from a Spring test: {@code @DynamicPropertySource static void infra(DynamicPropertyRegistry r) {
 * TestInfrastructure.register(r); }}
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    private static String kafkaBootstrap;
    private static String mongoBaseUri;
    private static EmbeddedKafkaKraftBroker embeddedKafka;

    public static boolean useTestcontainers() {
        return "testcontainers".equalsIgnoreCase(System.getProperty("infra", System.getenv().getOrDefault("TEST_INFRA", "")));
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrap == null) {
            if (useTestcontainers()) {
                KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.2");
                kafka.start();
                kafkaBootstrap = kafka.getBootstrapServers();
            } else {
                embeddedKafka = new EmbeddedKafkaKraftBroker(1, 6);
                embeddedKafka.brokerProperties(java.util.Map.of(
                        "group.initial.rebalance.delay.ms", "0",
                        "offsets.topic.num.partitions", "3",
                        "auto.create.topics.enable", "true"));
                embeddedKafka.afterPropertiesSet();
                kafkaBootstrap = embeddedKafka.getBrokersAsString();
                Runtime.getRuntime().addShutdownHook(new Thread(embeddedKafka::destroy));
            }
        }
        return kafkaBootstrap;
    }

    /** A fresh database URI on the shared server. */
    public static synchronized String mongoUri(String database) {
        if (mongoBaseUri == null) {
            if (useTestcontainers()) {
                MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
                mongo.start();
                mongoBaseUri = mongo.getReplicaSetUrl().replaceAll("/[^/]*$", "");
            } else {
                MongoServer server = new MongoServer(new CopyingMemoryBackend());
                server.bind("127.0.0.1", 0);
                InetSocketAddress address = server.getLocalAddress();
                mongoBaseUri = "mongodb://127.0.0.1:" + address.getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            }
        }
        return mongoBaseUri + "/" + database;
    }

    /** Points a Spring test at the shared broker and a database of its own. */
    public static void register(DynamicPropertyRegistry registry) {
        String db = "test_" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(db));
    }
}
