package com.complaintdesk.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed second-factor checks per complaint number. The complainant proves who they are with the last four digits
 * of the phone (or the e-mail): ten thousand possibilities, so the number of wrong guesses must be bounded. After
 * {@code maxFailures} wrong answers inside {@code window} the complaint number is locked for {@code lockFor}; a
 * right answer clears the count. Local to this gateway instance: with N instances an attacker gets at most N times
 * the allowance per lock period.
 */
public class SecondFactorLockout {

    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;
    private final int maxTracked;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();

    public SecondFactorLockout(int maxFailures, Duration window, Duration lockFor, int maxTracked, InstantSource clock) {
        this.maxFailures = Math.max(1, maxFailures);
        this.window = window;
        this.lockFor = lockFor;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /** When the number is locked now, until when. */
    public Optional<Instant> lockedUntil(String complaintNumber) {
        Attempts a = attempts.get(key(complaintNumber));
        if (a == null) {
            return Optional.empty();
        }
        synchronized (a) {
            Instant now = clock.instant();
            return a.lockedUntil != null && a.lockedUntil.isAfter(now) ? Optional.of(a.lockedUntil) : Optional.empty();
        }
    }

    public void failed(String complaintNumber) {
        if (attempts.size() >= maxTracked) {
            forgetExpired();
        }
        Attempts a = attempts.computeIfAbsent(key(complaintNumber), k -> new Attempts());
        synchronized (a) {
            Instant now = clock.instant();
            if (a.windowStart == null || a.windowStart.plus(window).isBefore(now)) {
                a.windowStart = now;
                a.failures = 0;
            }
            a.failures++;
            if (a.failures >= maxFailures) {
                a.lockedUntil = now.plus(lockFor);
                a.failures = 0;
                a.windowStart = now;
            }
        }
    }

    public void succeeded(String complaintNumber) {
        attempts.remove(key(complaintNumber));
    }

    int tracked() {
        return attempts.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        attempts.entrySet().removeIf(e -> {
            Attempts a = e.getValue();
            synchronized (a) {
                boolean lockOver = a.lockedUntil == null || !a.lockedUntil.isAfter(now);
                boolean windowOver = a.windowStart == null || a.windowStart.plus(window).isBefore(now);
                return lockOver && windowOver;
            }
        });
    }

    private static String key(String complaintNumber) {
        return complaintNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static final class Attempts {
        private int failures;
        private Instant windowStart;
        private Instant lockedUntil;
    }
}
