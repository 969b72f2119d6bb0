package com.complaintdesk.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing the complainant's second factor through the gateway: a backend that, like the services, answers 404 to a
 * wrong verification; after the allowed wrong answers the gateway answers 429 itself and the backend sees nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.second-factor.max-failures=3", "gateway.second-factor.lock-for=10m"})
@ActiveProfiles({"test", "local"})
class SecondFactorGuardTest {

    static final AtomicInteger backendCalls = new AtomicInteger();
    static final HttpServer backend = startBackend();

    static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                backendCalls.incrementAndGet();
                boolean right = String.valueOf(exchange.getRequestURI().getQuery()).contains("verify=8000");
                byte[] body = (right ? "{\"status\":\"DISPATCHED\"}" : "{\"status\":404}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", right ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(right ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry r) {
        r.add("INTAKE_URL", () -> "http://127.0.0.1:" + backend.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> status(String number, String verify, String credentialHeader, String credential) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints/" + number
                        + "/status?verify=" + verify)).header(credentialHeader, credential).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenThreeWrongGuesses_thenTheNumberIsLockedEvenForTheRightAnswer_andOtherNumbersAreNot() throws Exception {
        for (String guess : new String[]{"0000", "1111", "2222"}) {
            assertThat(status("C-20261128-000777", guess, "X-Api-Key", "local-dev-key").statusCode()).isEqualTo(404);
        }
        int callsBefore = backendCalls.get();

        var locked = status("C-20261128-000777", "8000", "X-Api-Key", "local-dev-key");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                s -> assertThat(s).isBetween(1L, 600L));
        assertThat(locked.body()).contains("C-20261128-000777");
        assertThat(backendCalls.get()).as("a locked number is not forwarded").isEqualTo(callsBefore);
        assertThat(status("C-20261128-000778", "8000", "X-Api-Key", "local-dev-key").statusCode()).isEqualTo(200);
    }

    @Test
    void givenARightAnswerBetweenWrongOnes_thenTheCountStartsAgain() throws Exception {
        status("C-20261128-000888", "0000", "X-Api-Key", "local-dev-key");
        status("C-20261128-000888", "1111", "X-Api-Key", "local-dev-key");
        assertThat(status("C-20261128-000888", "8000", "X-Api-Key", "local-dev-key").statusCode()).isEqualTo(200);
        status("C-20261128-000888", "2222", "X-Api-Key", "local-dev-key");
        status("C-20261128-000888", "3333", "X-Api-Key", "local-dev-key");

        assertThat(status("C-20261128-000888", "8000", "X-Api-Key", "local-dev-key").statusCode()).isEqualTo(200);
    }
}
