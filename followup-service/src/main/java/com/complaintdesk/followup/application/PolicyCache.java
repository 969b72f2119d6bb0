package com.complaintdesk.followup.application;

import com.complaintdesk.followup.adapters.mongo.PolicyStore;
import com.complaintdesk.followup.domain.RevisitPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The revisit policy as follow-up's use cases read it (issue 7): the stored policy is kept for
 * {@code followup.policy-cache-ttl} (default 2 s) instead of being read for every complaint, as dispatch keeps its
 * organisation. A policy replaced through this instance's API ({@link #invalidate()}) is used by the next complaint;
 * one replaced through another instance, within the TTL. A TTL of 0 reads the store for every use, as before.
 * What is kept is the immutable {@link RevisitPolicy}, never the stored document (which a replace changes in place).
 */
@Component
public class PolicyCache {

    private final Supplier<RevisitPolicy> store;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** counts the replacements made here: a policy read while one was made is used once, never kept */
    private final AtomicLong replacements = new AtomicLong();
    private volatile Kept kept;

    private record Kept(RevisitPolicy policy, long readAt, long replacementsSeen) {
    }

    @Autowired
    public PolicyCache(PolicyStore store, FollowupProperties properties) {
        this(store::policy, properties.policyCacheTtl(), System::nanoTime);
    }

    PolicyCache(Supplier<RevisitPolicy> store, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.ttlNanos = ttl == null || ttl.isNegative() ? 0 : ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The policy for the complaint at hand: the kept one while it is younger than the TTL, else the stored one. */
    public RevisitPolicy policy() {
        long now = nanoTime.getAsLong();
        long seen = replacements.get();
        Kept k = kept;
        if (k != null && k.replacementsSeen() == seen && now - k.readAt() < ttlNanos) {
            return k.policy();
        }
        // the stored one, or the configured default seeded when none is stored yet (PolicyStore)
        RevisitPolicy read = store.get();
        if (ttlNanos > 0 && replacements.get() == seen) {
            kept = new Kept(read, now, seen);
        }
        return read;
    }

    /** The policy was replaced through this instance: the next use reads it from the store. */
    public void invalidate() {
        replacements.incrementAndGet();
        kept = null;
    }
}
