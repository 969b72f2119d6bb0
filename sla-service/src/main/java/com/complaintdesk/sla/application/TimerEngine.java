package com.complaintdesk.sla.application;

import com.complaintdesk.sla.adapters.mongo.SlaStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Fires the durable timers: claims due timers from MongoDB under a lease and fires each exactly once. Any number of
 * instances can run it over the same database; a timer claimed by an instance that died is claimed again when its
 * lease runs out. Plain object, so tests can run two of them side by side.
 */
public class TimerEngine {

    private final SlaStore store;
    private final ClockService clocks;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batchSize;

    public TimerEngine(SlaStore store, ClockService clocks, Clock clock, String owner, Duration lease, int batchSize) {
        this.store = store;
        this.clocks = clocks;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Claims one batch of due timers without firing them (what an instance does just before it dies). */
    public List<String> claim() {
        return store.claimDue(clock.instant(), owner, lease, batchSize);
    }

    /** One pass: claim a batch and fire it. Returns how many timers fired. */
    public int fireDue() {
        int n = 0;
        for (String id : claim()) {
            if (clocks.fire(id, owner)) {
                n++;
            }
        }
        return n;
    }

    /** Fires until nothing is due. */
    public int drain() {
        int total = 0;
        for (int pass = 0, n = fireDue(); n > 0 && pass < 100_000; n = fireDue(), pass++) {
            total += n;
        }
        return total;
    }

    public String owner() {
        return owner;
    }
}
