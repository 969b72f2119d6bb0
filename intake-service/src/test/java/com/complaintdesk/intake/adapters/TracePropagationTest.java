package com.complaintdesk.intake.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.outbox.OutboxTraces;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7, traces that follow one complaint across HTTP and Kafka: the event a POST causes is sent later by the
 * outbox relay, on its own thread, yet its record carries the POST's trace (the kit's {@code OutboxTraces}), so the
 * next service's consumer continues the trace the front end started. Without it the relay's send began a trace of
 * its own and the POST's trace ended at intake's save.
 */
@AutoConfigureTracing
class TracePropagationTest extends IntakeSpringTest {

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }

    /**
     * The complaint's ComplaintReceived record from this test: complaint numbers come from each test database's own
     * counter, so another test class on the shared broker may have sent a record under the same number earlier.
     */
    private static java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> received(
            String number, long since) {
        return EventProbe.ofType(number, "ComplaintReceived").and(r -> r.timestamp() >= since);
    }

    @Test
    void givenAPostInATrace_whenItsEventIsRelayed_thenTheRecordCarriesThatTrace() throws Exception {
        long since = System.currentTimeMillis();
        String traceId = hex(16);
        String callersSpan = hex(8);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            String number = post(traceId, callersSpan);

            var record = probe.await(received(number, since), 1, Duration.ofSeconds(30)).get(0);

            assertThat(traceParentOf(record)).as("the record's trace header, among " + record.headers()).isNotNull()
                    .as("the POST's trace, continued (a span of its own, not the caller's)")
                    .startsWith("00-" + traceId + "-")
                    .doesNotContain(callersSpan);
        }
    }

    @Test
    void givenTwoPostsInTwoTraces_whenTheirEventsAreRelayed_thenEachRecordCarriesItsOwnTrace() throws Exception {
        long since = System.currentTimeMillis();
        String first = hex(16);
        String second = hex(16);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.INTAKE)) {
            String a = post(first, hex(8));
            String b = post(second, hex(8));

            var recordA = probe.await(received(a, since), 1, Duration.ofSeconds(30)).get(0);
            var recordB = probe.await(received(b, since), 1, Duration.ofSeconds(30)).get(0);

            assertThat(traceParentOf(recordA)).startsWith("00-" + first + "-");
            assertThat(traceParentOf(recordB)).startsWith("00-" + second + "-");
        }
    }

    /** A registration POSTed by a caller whose span {@code spanId} of trace {@code traceId} is current. */
    private String post(String traceId, String spanId) throws Exception {
        var r = http.post("/api/v1/complaints", IntakeApiTest.VALID, IntakeApiTest.HOTLINE,
                OutboxTraces.TRACEPARENT, "00-" + traceId + "-" + spanId + "-01");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("complaintNumber").asString();
    }

    private static String traceParentOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(OutboxTraces.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
