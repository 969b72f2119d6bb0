package com.complaintdesk.gateway.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client (API key or staff user), local to this gateway instance: with N instances the
 * cluster-wide limit is N times the configured one.
 */
public class ClientRateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(int requestsPerSecond, int burst, LongSupplier nanoTime) {
        this.perNano = requestsPerSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    public boolean tryAcquire(String client) {
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, nanoTime.getAsLong())).take(this);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }

        synchronized boolean take(ClientRateLimiter limiter) {
            long now = limiter.nanoTime.getAsLong();
            tokens = Math.min(limiter.burst, tokens + (now - last) * limiter.perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
