package com.complaintdesk.systemtests;

import org.assertj.core.api.ThrowingConsumer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests expect of the gateway's answers, at once or eventually (the read models follow the events). */
final class Expect {

    /** Generous: on a shared 2-core machine the first complaint of a run also warms up every consumer. */
    static final Duration EVENTUALLY = Duration.ofSeconds(120);

    private Expect() {
    }

    static JsonNode ok(Gateway.Reply reply, String what) {
        return status(reply, 200, what);
    }

    static JsonNode status(Gateway.Reply reply, int expected, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(expected);
        return reply.json();
    }

    /** An action the current state does not allow: 409 problem+json naming the current state. */
    static void conflict(Gateway.Reply reply, String currentStatus, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(409);
        assertThat(reply.contentType()).as("%s", what).startsWith("application/problem+json");
        assertThat(reply.json().path("currentStatus").asString()).as("%s: %s", what, reply).isEqualTo(currentStatus);
    }

    /** A JSON field that is null or not there. */
    static boolean absent(JsonNode field) {
        return field.isNull() || field.isMissingNode();
    }

    /** Reads until the 200 answer passes {@code check}, and returns that answer. */
    static JsonNode eventually(String what, Supplier<Gateway.Reply> read, ThrowingConsumer<JsonNode> check) {
        AtomicReference<JsonNode> passed = new AtomicReference<>();
        await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode body = ok(read.get(), what);
            check.accept(body);
            passed.set(body);
        });
        return passed.get();
    }

    /** Reads until the answer's {@code status} field is {@code expected}. */
    static JsonNode eventuallyInStatus(String what, Supplier<Gateway.Reply> read, String expected) {
        return eventually(what, read, body -> assertThat(body.path("status").asString()).as(what).isEqualTo(expected));
    }
}
