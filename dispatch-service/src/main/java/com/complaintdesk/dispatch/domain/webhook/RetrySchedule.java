package com.complaintdesk.dispatch.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff for webhook deliveries: after the n-th failed attempt wait {@code initial × multiplier^(n-1)},
 * at most {@code max}; after {@code maxAttempts} failures the delivery is dead-lettered (empty).
 */
public record RetrySchedule(int maxAttempts, Duration initial, double multiplier, Duration max) {

    public Optional<Instant> nextAttemptAfter(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        double factor = Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long millis = (long) Math.min(max.toMillis(), initial.toMillis() * factor);
        return Optional.of(now.plusMillis(millis));
    }
}
