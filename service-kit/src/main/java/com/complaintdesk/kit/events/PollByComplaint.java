package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.complaintdesk.kit.outbox.OutboxTraces;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a batch listener applies a poll: one complaint's events at a time, in one write ({@code group}), so a lagging
 * consumer catches up with a few store round trips per complaint instead of a few per event.
 * <p>
 * When a complaint's write fails, the whole poll is applied again one event at a time in poll order ({@code one};
 * what was applied already must be skipped by event id) and the first event that fails is reported by its index
 * ({@link BatchListenerFailedException}). The kit's error handler then commits every record before that index, so
 * each of them must be applied by then, whichever complaint it belongs to; reporting the failing complaint's own
 * event straight away would commit other complaints' earlier records unapplied. The handler retries or dead-letters
 * the failing record and redelivers the rest.
 */
public final class PollByComplaint {

    /**
     * One decoded event of the poll: its index in the poll, the complaint it belongs to, and the trace its record
     * carries (W3C {@code traceparent}, null if none).
     */
    public record Indexed<E>(int index, String complaintId, E event, String traceParent) {
    }

    /**
     * A batch listener's container makes no span per record, so each complaint's events are applied inside a span
     * continued from the trace of its last record in the poll (what the write enqueues then carries that trace,
     * {@link OutboxTraces}); without a tracer or a header this does nothing.
     */
    private static String traceParentOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(OutboxTraces.TRACEPARENT);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private PollByComplaint() {
    }

    /**
     * A batch listener's poll of life-cycle records: the records of a type the listener ignores are skipped on their
     * type alone ({@link HandledTypes}, before decoding), the rest decoded and applied by complaint ({@link #apply}).
     */
    public static void decodeAndApply(List<ConsumerRecord<String, String>> records, HandledTypes handled, EventCodec codec,
                                      Consumer<List<EventEnvelope<ComplaintEvent>>> group,
                                      Consumer<EventEnvelope<ComplaintEvent>> one) {
        readAndApply(records, r -> handled.ignores(codec, r) ? null : codec.decode(r.value()), EventEnvelope::complaintId,
                group, one);
    }

    /**
     * A batch listener's poll, read record by record with {@code read} (null: a record the listener skips) and applied
     * by complaint ({@link #apply}). A record that cannot be read stops the reading: what came before it is applied
     * first, then that record alone is reported by its index, so the error handler commits the records before it and
     * dead-letters it.
     */
    public static <E> void readAndApply(List<ConsumerRecord<String, String>> records,
                                        Function<ConsumerRecord<String, String>, E> read, Function<E, String> complaintIdOf,
                                        Consumer<List<E>> group, Consumer<E> one) {
        List<Indexed<E>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            E event;
            try {
                event = read.apply(records.get(i));
            } catch (RuntimeException unreadable) {
                apply(events, group, one);
                throw new BatchListenerFailedException("unreadable event", unreadable, i);
            }
            if (event != null) {
                events.add(new Indexed<>(i, complaintIdOf.apply(event), event, traceParentOf(records.get(i))));
            }
        }
        apply(events, group, one);
    }

    public static <E> void apply(List<Indexed<E>> events, Consumer<List<E>> group, Consumer<E> one) {
        Map<String, List<E>> byComplaint = new LinkedHashMap<>(); // in the order of each complaint's first record
        Map<String, String> traceOf = new HashMap<>(); // the trace of each complaint's last record
        for (Indexed<E> e : events) {
            byComplaint.computeIfAbsent(e.complaintId(), k -> new ArrayList<>()).add(e.event());
            if (e.traceParent() != null) {
                traceOf.put(e.complaintId(), e.traceParent());
            }
        }
        try {
            for (var complaint : byComplaint.entrySet()) {
                MDC.put("complaintId", complaint.getKey());
                try (OutboxTraces.Scope trace = OutboxTraces.continueTrace(traceOf.get(complaint.getKey()), "apply events")) {
                    group.accept(complaint.getValue());
                } finally {
                    MDC.remove("complaintId");
                }
            }
        } catch (RuntimeException failed) {
            oneByOne(events, one);
        }
    }

    private static <E> void oneByOne(List<Indexed<E>> events, Consumer<E> one) {
        for (Indexed<E> e : events) {
            MDC.put("complaintId", e.complaintId());
            try (OutboxTraces.Scope trace = OutboxTraces.continueTrace(e.traceParent(), "apply event")) {
                one.accept(e.event());
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("event could not be applied", failed, e.index());
            } finally {
                MDC.remove("complaintId");
            }
        }
    }
}
