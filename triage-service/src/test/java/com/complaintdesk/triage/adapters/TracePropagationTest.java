package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.kit.outbox.OutboxTraces;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7, one complaint's trace across Kafka: triage's listener continues the trace of the record it consumes, its
 * classification enqueues its events inside that trace, and the relay sends them in it, so the ComplaintTriaged record
 * carries the trace the ComplaintReceived record came with (the hop after intake's, which intake's own
 * TracePropagationTest covers from the POST).
 */
@AutoConfigureTracing
class TracePropagationTest extends TriageSpringTest {

    @Autowired
    Tracer tracer;

    @Test
    void givenAReceivedRecordInATrace_whenTriaged_thenTheTriagedRecordCarriesThatTrace() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            var intake = tracer.nextSpan().name("intake relay").start();
            try (var inScope = tracer.withSpan(intake)) {
                publish(number, received(number, "收银员多收了我二十块钱,还不承认。", ComplainantType.CONSUMER, "k-" + number,
                        "1F 收银台", null, List.of(), 0));
            } finally {
                intake.end();
            }

            var triaged = probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, Duration.ofSeconds(40)).get(0);

            Header header = triaged.headers().lastHeader(OutboxTraces.TRACEPARENT);
            assertThat(header).as("the triaged record's trace header, among " + triaged.headers()).isNotNull();
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as("the received record's trace")
                    .startsWith("00-" + intake.context().traceId() + "-");
        }
    }
}
