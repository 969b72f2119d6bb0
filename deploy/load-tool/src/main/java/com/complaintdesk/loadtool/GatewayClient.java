package com.complaintdesk.loadtool;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The gateway, as a channel front end (API key) and as a staff member (dev token) sees it. */
public final class GatewayClient implements AutoCloseable {

    /** The answer to one POST attempt: an HTTP status, or a failure kind ({@code timeout}, {@code connect}, {@code io}). */
    public record PostResult(int status, String complaintNumber, String failure, String detail) {
        boolean acknowledged() {
            return (status == 201 || status == 200) && complaintNumber != null;
        }

        /** Worth another try with the same Idempotency-Key. */
        boolean retryable() {
            return failure != null || status == 429 || status == 502 || status == 503 || status == 504;
        }

        String kind() {
            return failure != null ? failure : "HTTP " + status;
        }
    }

    /** A ledger entry as far as the audit cares: the ids of the events in its timeline, by type. */
    public record LedgerView(int status, String complaintStatus, String department, List<String> receivedIds,
                             List<String> dispatchedIds) {
        boolean found() {
            return status == 200;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String apiKey;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient http;
    private volatile String token;

    public GatewayClient(URI gateway, String apiKey, Duration requestTimeout) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(executor)
                .build();
    }

    public CompletableFuture<PostResult> postComplaint(String body, String idempotencyKey) {
        HttpRequest req = HttpRequest.newBuilder(gateway.resolve("/api/v1/complaints"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((resp, error) -> {
                    if (error != null) {
                        return failed(error);
                    }
                    String number = null;
                    if (resp.statusCode() == 201 || resp.statusCode() == 200) {
                        try {
                            number = JSON.readTree(resp.body()).path("complaintNumber").asString(null);
                        } catch (RuntimeException e) {
                            return new PostResult(resp.statusCode(), null, "unreadable body", e.getMessage());
                        }
                    }
                    return new PostResult(resp.statusCode(), number, null, resp.statusCode() >= 400 ? resp.body() : null);
                });
    }

    static PostResult failed(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof ConnectException) {
            return new PostResult(0, null, "connect", e.toString());
        }
        if (e instanceof HttpTimeoutException) {
            return new PostResult(0, null, "timeout", e.toString());
        }
        return new PostResult(0, null, "io " + e.getClass().getSimpleName(), e.toString());
    }

    /**
     * A staff token from the local run's dev-token endpoint (SPEC §9), kept for the ledger reads. Its department is
     * HR (the kit's default {@code kit.access.hr-departments}): since the shared read rule, a confidential (workplace or
     * employee) complaint exists only for HR staff, not for ADMIN as such, and the audit must read every complaint.
     */
    static final String AUDIT_DEPARTMENT = "HR";

    public String staffToken(List<String> roles) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", "load-audit");
        body.put("roles", roles);
        body.put("department", AUDIT_DEPARTMENT);
        HttpRequest req = HttpRequest.newBuilder(gateway.resolve("/api/v1/auth/dev-token"))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200 && resp.statusCode() != 201) {
            throw new IOException("dev token: HTTP " + resp.statusCode() + " " + resp.body());
        }
        token = JSON.readTree(resp.body()).path("token").asString();
        return token;
    }

    public CompletableFuture<LedgerView> ledger(String number) {
        HttpRequest req = HttpRequest.newBuilder(gateway.resolve("/api/v1/ledger/" + number))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((resp, error) -> {
                    if (error != null) {
                        return new LedgerView(-1, null, null, List.of(), List.of());
                    }
                    if (resp.statusCode() != 200) {
                        return new LedgerView(resp.statusCode(), null, null, List.of(), List.of());
                    }
                    return parseLedger(resp.body());
                });
    }

    static LedgerView parseLedger(String body) {
        JsonNode n = JSON.readTree(body);
        List<String> received = new ArrayList<>();
        List<String> dispatched = new ArrayList<>();
        for (JsonNode item : n.path("timeline")) {
            String type = item.path("type").asString("");
            String id = item.path("eventId").asString("?");
            if (type.equals("ComplaintReceived")) {
                received.add(id);
            } else if (type.equals("ComplaintDispatched")) {
                dispatched.add(id);
            }
        }
        return new LedgerView(200, n.path("status").asString(null), n.path("department").asString(null), received,
                dispatched);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
