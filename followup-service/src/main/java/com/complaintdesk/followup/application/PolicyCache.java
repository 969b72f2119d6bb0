package com.complaintdesk.followup.application;

import com.complaintdesk.followup.adapters.mongo.PolicyStore;
import com.complaintdesk.followup.domain.RevisitPolicy;
import com.complaintdesk.kit.config.ExpiringSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
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

    private final ExpiringSnapshot<RevisitPolicy> snapshot;

    @Autowired
    public PolicyCache(PolicyStore store, FollowupProperties properties) {
        this(store::policy, properties.policyCacheTtl(), System::nanoTime);
    }

    PolicyCache(Supplier<RevisitPolicy> store, Duration ttl, LongSupplier nanoTime) {
        // the stored one, or the configured default seeded when none is stored yet (PolicyStore)
        this.snapshot = new ExpiringSnapshot<>(store, ttl, nanoTime);
    }

    /** The policy for the complaint at hand: the kept one while it is younger than the TTL, else the stored one. */
    public RevisitPolicy policy() {
        return snapshot.get();
    }

    /** The policy was replaced through this instance: the next use reads it from the store. */
    public void invalidate() {
        snapshot.invalidate();
    }
}
