package com.complaintdesk.kit.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the store (settings, a policy, the organisation) kept for a short time instead of being read for
 * every event. A change made through this instance ({@link #invalidate()}) is seen by the next {@link #get()}; one
 * made through another instance, within the time to live. A value read while a change was being made here is used
 * once and not kept (a generation counter, bumped by every change, tells). A time to live of 0 reads every time.
 *
 * @param <T> the value, immutable: what is kept is handed out to every caller
 */
public final class ExpiringSnapshot<T> {

    private final Supplier<T> loader;
    private final long ttlNanos;
    private final LongSupplier ticker;
    /** bumped by every change made here, so a value read before it is never kept after it */
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<T> held;

    private record Held<T>(T value, long loadedAt, long generation) {
    }

    /**
     * @param ttl    how long a value is kept (null or negative: as 0, read every time)
     * @param ticker nanoseconds, as {@link System#nanoTime()} (tests move their own)
     */
    public ExpiringSnapshot(Supplier<T> loader, Duration ttl, LongSupplier ticker) {
        this.loader = loader;
        this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
        this.ticker = ticker;
    }

    /** The kept value while it is younger than the time to live, else a fresh read. */
    public T get() {
        long now = ticker.getAsLong();
        long gen = generation.get();
        Held<T> h = held;
        if (h != null && h.generation() == gen && now - h.loadedAt() < ttlNanos) {
            return h.value();
        }
        T fresh = loader.get();
        if (ttlNanos > 0 && generation.get() == gen) {
            held = new Held<>(fresh, now, gen);
        }
        return fresh;
    }

    /** The value was changed through this instance: the next {@link #get()} reads it again. */
    public void invalidate() {
        generation.incrementAndGet();
        held = null;
    }
}
