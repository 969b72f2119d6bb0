package com.complaintdesk.kit.events;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import com.complaintdesk.kit.outbox.OutboxTraces;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch listener's container makes no span per record, so what a batch listener enqueued started a trace of its
 * own; {@link PollByComplaint} applies each complaint's events inside a span continued from the trace of that
 * complaint's last record, which is what {@code OutboxDocument.enqueue} then stores with the events (SPEC §7).
 */
class PollByComplaintTraceTest {

    private Tracing tracing;
    private OutboxTraces.Binding binding;

    @BeforeEach
    void aW3cTracer() {
        tracing = Tracing.newBuilder().currentTraceContext(ThreadLocalCurrentTraceContext.create())
                .propagationFactory(new W3CPropagation()).build();
        var tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
        binding = new OutboxTraces.Binding(tracer, new BravePropagator(tracing));
        OutboxTraces.bind(binding);
    }

    @AfterEach
    void close() {
        OutboxTraces.unbind(binding);
        tracing.close();
    }

    private static ConsumerRecord<String, String> record(String complaint, int offset, String traceId) {
        var r = new ConsumerRecord<>("complaints.intake", 0, offset, complaint, complaint + "#" + offset);
        if (traceId != null) {
            r.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    private static String traceIdOf(String traceParent) {
        return traceParent == null ? null : traceParent.split("-")[1];
    }

    @Test
    void givenTwoComplaintsInOnePoll_whenApplied_thenEachIsAppliedInTheTraceOfItsLastRecord() {
        String a1 = "4bf92f3577b34da6a3ce929d0e0e4736";
        String a2 = "5bf92f3577b34da6a3ce929d0e0e4737";
        String b = "6bf92f3577b34da6a3ce929d0e0e4738";
        var records = List.of(record("C-A", 0, a1), record("C-B", 1, b), record("C-A", 2, a2));
        Map<String, String> enqueuedUnder = new LinkedHashMap<>();

        PollByComplaint.readAndApply(records, ConsumerRecord::value, v -> v.substring(0, v.indexOf('#')),
                group -> enqueuedUnder.put(group.get(0).substring(0, 3), OutboxTraces.currentTraceParent()),
                one -> { throw new AssertionError("no group failed"); });

        assertThat(traceIdOf(enqueuedUnder.get("C-A"))).as("complaint A's last record's trace").isEqualTo(a2);
        assertThat(traceIdOf(enqueuedUnder.get("C-B"))).isEqualTo(b);
        assertThat(enqueuedUnder.get("C-B")).as("a span of its own in that trace, not the producer's")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(OutboxTraces.currentTraceParent()).as("nothing left current after the poll").isNull();
    }

    @Test
    void givenAGroupThatFails_whenAppliedOneByOne_thenEachEventIsAppliedInItsOwnRecordsTrace() {
        String a1 = "7bf92f3577b34da6a3ce929d0e0e4739";
        String a2 = "8bf92f3577b34da6a3ce929d0e0e4730";
        var records = List.of(record("C-A", 0, a1), record("C-A", 1, a2));
        List<String> oneByOne = new ArrayList<>();

        PollByComplaint.readAndApply(records, ConsumerRecord::value, v -> v.substring(0, v.indexOf('#')),
                group -> { throw new IllegalStateException("the group's write failed"); },
                one -> oneByOne.add(traceIdOf(OutboxTraces.currentTraceParent())));

        assertThat(oneByOne).containsExactly(a1, a2);
    }

    @Test
    void givenRecordsWithoutATrace_whenApplied_thenNothingIsCurrent() {
        List<String> seen = new ArrayList<>();

        PollByComplaint.readAndApply(List.of(record("C-A", 0, null)), ConsumerRecord::value,
                v -> v.substring(0, v.indexOf('#')), group -> seen.add(OutboxTraces.currentTraceParent()), one -> { });

        assertThat(seen).containsExactly((String) null);
    }
}
