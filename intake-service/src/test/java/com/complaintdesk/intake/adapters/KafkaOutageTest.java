package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import com.complaintdesk.testsupport.TcpProxy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7 "nothing is lost": with Kafka down, intake keeps answering 201; once Kafka is there, every complaint
 * accepted meanwhile is published, exactly once per complaint at the consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.fail-fast=false",
        "spring.kafka.listener.auto-startup=false",
        "kit.outbox.id-indexes=true"})
@ActiveProfiles("test")
class KafkaOutageTest {

    /** Kafka as intake sees it: the shared embedded broker behind a proxy that is down until the test starts it. */
    static final TcpProxy kafka = TcpProxy.to(TestInfrastructure.kafkaBootstrapServers());

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
        // override: a broker that is not running yet
        r.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + kafka.port());
    }

    @AfterAll
    static void stopProxy() {
        kafka.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void complaints_accepted_while_kafka_is_down_are_published_once_it_is_back() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"channel":"WEB_FORM","complainant":{"phone":"1390000000%d","type":"CONSUMER"},
                             "content":"停车场收费错误 parking fee charged twice #%d"}""".formatted(i, i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            numbers.add(r.body().replaceAll(".*\"complaintNumber\":\"([^\"]+)\".*", "$1"));
        }
        assertThat(mongo.getCollection("complaints").countDocuments(new org.bson.Document("outboxPending", true))).isEqualTo(5);

        kafka.start();

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            for (String number : numbers) {
                probe.await(EventProbe.ofType(number, "ComplaintReceived"), 1, Duration.ofSeconds(60));
            }
            Thread.sleep(1_000); // let any duplicate show up before counting distinct events per complaint
            for (String number : numbers) {
                long distinctEvents = probe.records().stream().filter(EventProbe.ofType(number, "ComplaintReceived"))
                        .map(r -> r.value().substring(0, r.value().indexOf("\"type\""))).distinct().count();
                assertThat(distinctEvents).as(number).isEqualTo(1);
            }
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.getCollection("complaints").countDocuments(new org.bson.Document("outboxPending", true))).isZero());
    }
}
