package com.complaintdesk.followup.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move instead of sleeping. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private volatile Duration perRead = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Every read of the time takes this long: makes the listener slow, to stop it in the middle of a batch. */
    public void slowDown(Duration perRead) {
        this.perRead = perRead;
    }

    @Override
    public Instant instant() {
        if (!perRead.isZero()) {
            try {
                Thread.sleep(perRead.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return now.get();
    }
}
