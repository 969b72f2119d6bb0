package com.complaintdesk.localrun;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher against the real broker and store it starts (no services: those are the system tests' part). */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalSystemTest {

    private static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Path LIB = Path.of("target", "lib").toAbsolutePath();

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private Options infraOnly(Path data) {
        return Options.forTests(REPO, data).withKafkaLib(LIB).withServices(EnumSet.noneOf(Service.class))
                .withProgress(new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenTheInfrastructure_whenStoppedAndStartedAgainOnTheSameDataDir_thenKafkaRecordsAndMongoDocumentsSurvive(
            @TempDir Path data) {
        String topic = "local-run-check-" + UUID.randomUUID();
        try (LocalSystem first = LocalSystem.start(infraOnly(data))) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "C-20261128-000001", "{\"type\":\"ComplaintReceived\"}")).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("could not produce to the local broker", e);
            }
            try (MongoClient mongo = MongoClients.create(first.mongoUri("intake"))) {
                mongo.getDatabase("intake").getCollection("complaints")
                        .insertOne(new Document("_id", "C-20261128-000001").append("status", "RECEIVED"));
            }
            assertTrue(first.residentMemoryKiB().getOrDefault("kafka", 0L) > 0, "the broker's RSS is reported");
        }
        assertTrue(Files.exists(data.resolve("kafka/logs/meta.properties")), "storage formatted in the data dir");

        try (LocalSystem second = LocalSystem.start(infraOnly(data))) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                }
            }
            assertEquals(1, seen.size(), "the record written before the restart");
            assertEquals("C-20261128-000001", seen.get(0).key());

            try (MongoClient mongo = MongoClients.create(second.mongoUri("intake"))) {
                MongoCollection<Document> complaints = mongo.getDatabase("intake").getCollection("complaints");
                Document doc = complaints.find(new Document("_id", "C-20261128-000001")).first();
                assertEquals("RECEIVED", doc == null ? null : doc.getString("status"));
            }
        }
        String lines = progress.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("Kafka up on 127.0.0.1:"), lines);
        assertTrue(lines.contains("stopping Kafka"), lines);
    }

    @Test
    void givenAServiceThatDiesAtStartUp_whenTheSystemStarts_thenItFailsNamingTheServiceWithTheEndOfItsLog(
            @TempDir Path data, @TempDir Path jars) throws Exception {
        Files.writeString(jars.resolve(Service.INTAKE.execJarName(Options.VERSION)), "not a jar");
        Options options = infraOnly(data).withJarDir(jars).withServices(EnumSet.of(Service.INTAKE))
                .withExternalInfrastructure("127.0.0.1:1", "mongodb://127.0.0.1:1");

        StartupException e = assertThrows(StartupException.class, () -> LocalSystem.start(options));

        assertTrue(e.getMessage().contains("intake-service exited at start-up"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt jarfile"), "the log tail shows why: " + e.getMessage());
        assertTrue(Files.readString(data.resolve("logs/intake-service.log")).contains("corrupt jarfile"));
    }

    @Test
    void givenJarsThatWereNeverBuilt_whenTheSystemStarts_thenItFailsListingThemBeforeStartingAnything(
            @TempDir Path data, @TempDir Path jars) {
        Options options = infraOnly(data).withJarDir(jars).withServices(EnumSet.of(Service.TRIAGE, Service.GATEWAY));

        StartupException e = assertThrows(StartupException.class, () -> LocalSystem.start(options));

        assertTrue(e.getMessage().contains("triage-service-0.1.0-SNAPSHOT-exec.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("gateway-0.1.0-SNAPSHOT-exec.jar"), e.getMessage());
        assertFalse(Files.exists(data.resolve("kafka")), "no broker was started");
    }

    @Test
    void givenAPortAlreadyTaken_whenTheSystemStarts_thenItSaysWhichPortAndWhatFor(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Options options = infraOnly(data).withMongoPort(taken.getLocalPort());

            StartupException e = assertThrows(StartupException.class, () -> LocalSystem.start(options));

            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("Mongo-wire store"), e.getMessage());
        }
    }
}
