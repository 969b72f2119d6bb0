package com.complaintdesk.sla.application;

import com.complaintdesk.sla.adapters.mongo.SlaStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires the durable timers: claims due timers from MongoDB under a lease and fires each exactly once. Any number of
 * instances can run it over the same database; a timer claimed by an instance that died is claimed again when its
 * lease runs out. Plain object, so tests can run two of them side by side.
 */
public class TimerEngine {

    private static final Logger log = LoggerFactory.getLogger(TimerEngine.class);

    private final SlaStore store;
    private final ClockService clocks;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batchSize;
    private final long safetyScanNanos;
    private long lastSafetyScan = System.nanoTime();

    public TimerEngine(SlaStore store, ClockService clocks, Clock clock, String owner, Duration lease, int batchSize) {
        this(store, clocks, clock, owner, lease, batchSize, Duration.ofMinutes(1));
    }

    /**
     * @param safetyScan how often (real time) a claim also looks timers up by due time itself, the safety net behind
     *                   the time buckets; the first such look-up comes one interval after construction
     */
    public TimerEngine(SlaStore store, ClockService clocks, Clock clock, String owner, Duration lease, int batchSize,
                       Duration safetyScan) {
        this.store = store;
        this.clocks = clocks;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
        this.safetyScanNanos = safetyScan.toNanos();
    }

    /** Claims one batch of due timers without firing them (what an instance does just before it dies). */
    public List<String> claim() {
        Instant now = clock.instant();
        List<String> claimed = store.claimDue(now, owner, lease, batchSize);
        if (System.nanoTime() - lastSafetyScan >= safetyScanNanos && claimed.size() < batchSize) {
            lastSafetyScan = System.nanoTime();
            List<String> missed = store.claimDueByScan(now, owner, lease, batchSize - claimed.size());
            if (!missed.isEmpty()) {
                log.warn("{} due timer(s) found by the safety scan, not by their time bucket: {}", missed.size(),
                        missed.size() > 10 ? missed.subList(0, 10) + "…" : missed);
                claimed = new ArrayList<>(claimed);
                claimed.addAll(missed);
            }
        }
        return claimed;
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
