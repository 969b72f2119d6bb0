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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway in front of a real local HTTP backend that records what it received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "local"})
class GatewayRoutingTest {

    static final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    static final HttpServer backend = startBackend();
    static final int deadPort = freePort();

    static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
                headers.put(":path", exchange.getRequestURI().getPath());
                received.set(headers);
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry r) {
        String up = "http://127.0.0.1:" + backend.getAddress().getPort();
        r.add("INTAKE_URL", () -> up);
        r.add("REPORTING_URL", () -> up);
        r.add("TRIAGE_URL", () -> "http://127.0.0.1:" + deadPort);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void a_request_without_credentials_is_refused_with_problem_json() throws Exception {
        var response = send(at("/api/v1/complaints/C-20261128-000001/status"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void an_unknown_api_key_is_refused() throws Exception {
        var response = send(at("/api/v1/complaints/C-20261128-000001/status").header("X-Api-Key", "nope"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_channel_client_is_forwarded_with_identity_the_gateway_set_and_spoofed_headers_dropped() throws Exception {
        var response = send(at("/api/v1/complaints/C-20261128-000001/status?verify=8000")
                .header("X-Api-Key", "local-dev-key")
                .header("X-Caller-User-Id", "mallory").header("X-Caller-Roles", "ADMIN")
                .header("X-Request-Id", "req-123"));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> h = received.get();
        assertThat(h.get(":path")).isEqualTo("/api/v1/complaints/C-20261128-000001/status");
        assertThat(h.get("X-Caller-Channel")).isEqualTo("local-dev");
        assertThat(h.get("X-Caller-Roles")).isEqualTo("CHANNEL_CLIENT");
        assertThat(h).doesNotContainKey("X-Caller-User-Id");
        assertThat(h.get("X-Request-Id")).isEqualTo("req-123");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-123");
    }

    @Test
    void a_channel_key_cannot_read_the_ledger() throws Exception {
        var response = send(at("/api/v1/ledger/C-20261128-000001").header("X-Api-Key", "local-dev-key"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("staff token");
    }

    @Test
    void staff_use_a_dev_token_and_the_services_see_user_roles_and_department() throws Exception {
        var token = send(at("/api/v1/auth/dev-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"u1\",\"roles\":[\"TRIAGE_OFFICER\"],\"department\":\"SERVICE_DESK\"}")));
        assertThat(token.statusCode()).isEqualTo(200);
        String jwt = token.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        var response = send(at("/api/v1/ledger/C-20261128-000001").header("Authorization", "Bearer " + jwt));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> h = received.get();
        assertThat(h.get("X-Caller-User-Id")).isEqualTo("u1");
        assertThat(h.get("X-Caller-Roles")).isEqualTo("TRIAGE_OFFICER");
        assertThat(h.get("X-Caller-Department")).isEqualTo("SERVICE_DESK");
    }

    @Test
    void a_forged_token_is_refused() throws Exception {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsImlzcyI6ImNvbXBsYWludC1kZXNrLWxvY2FsIiwiZXhwIjo0MTAyNDQ0ODAwfQ.AAAA";
        var response = send(at("/api/v1/ledger/x").header("Authorization", "Bearer " + forged));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_service_that_is_down_gives_503_problem_json_not_a_hang() throws Exception {
        var response = send(at("/api/v1/triage/preview").header("X-Api-Key", "local-dev-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("triage-service").contains("\"status\":503");
    }
}
