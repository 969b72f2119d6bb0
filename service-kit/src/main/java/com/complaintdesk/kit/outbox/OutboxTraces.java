package com.complaintdesk.kit.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries a complaint's trace across the outbox (SPEC §7: traces follow one complaint across HTTP and Kafka). An
 * event is enqueued inside the work that caused it (an HTTP request, a consumed record), whose span is current then;
 * the relay sends it later, on its own thread. So {@link OutboxDocument#enqueue} stores the current span's W3C
 * {@code traceparent} with the event ({@link OutboxEvent#traceParent}), and the relay sends the event inside a span
 * continued from it: the producer's observation then writes the complaint's trace into the record's headers, and the
 * consumer's observation continues it on the next service. Without a tracer (a bare test context, tracing off) nothing
 * is stored and the relay sends as before, in a trace of its own.
 * <p>
 * A holder, not a bean, because documents enqueue their events without any bean at hand; the kit's auto-configuration
 * binds the context's tracer when it starts and unbinds it when it stops.
 */
public final class OutboxTraces {

    /** The W3C header (and carrier key) a trace travels under, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    private static volatile Binding bound;

    private OutboxTraces() {
    }

    /** A span made current by {@link #continueTrace}; closing it ends the span. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** A tracer and its propagator, bound while an application context runs. */
    public record Binding(Tracer tracer, Propagator propagator) {
    }

    public static void bind(Binding binding) {
        bound = binding;
    }

    public static void unbind(Binding binding) {
        if (bound == binding) {
            bound = null;
        }
    }

    /** The current span's W3C {@code traceparent}, or null (no tracer, no span, or another propagation format). */
    public static String currentTraceParent() {
        Binding b = bound;
        if (b == null) {
            return null;
        }
        try {
            Span span = b.tracer().currentSpan();
            if (span == null) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>();
            b.propagator().inject(span.context(), carrier, Map::put);
            return carrier.get(TRACEPARENT);
        } catch (RuntimeException e) {
            return null; // tracing must never stop a save
        }
    }

    /**
     * Makes a span continued from {@code traceParent} current until the returned scope is closed (and then ends it);
     * a no-op without a tracer or a stored trace.
     */
    public static Scope continueTrace(String traceParent, String name) {
        Binding b = bound;
        if (b == null || traceParent == null || traceParent.isBlank()) {
            return () -> { };
        }
        try {
            Span span = b.propagator().extract(Map.of(TRACEPARENT, traceParent), Map::get).name(name).start();
            Tracer.SpanInScope scope = b.tracer().withSpan(span);
            return () -> {
                scope.close();
                span.end();
            };
        } catch (RuntimeException e) {
            return () -> { };
        }
    }
}
