package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeFlowTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_registered_complaint_is_published_as_received() throws Exception {
        String body = """
                {"channel":"PHONE","complainant":{"name":"张三","phone":"13800138000","type":"CONSUMER"},
                 "content":"上周买的电饭煲用了两次就不能加热了,要求换货。","requestedRemedies":["EXCHANGE"]}""";
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String number = response.body().replaceAll(".*\"complaintNumber\":\"([^\"]+)\".*", "$1");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            var hits = probe.await(EventProbe.ofType(number, "ComplaintReceived"), 1, Duration.ofSeconds(30));
            assertThat(hits.get(0).value()).contains("\"producer\":\"intake-service\"");
        }
    }
}
