package com.complaintdesk.followup.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Wrong second factors given for one complaint number (SPEC §3.19, §7 Security). The last four phone digits have
 * only ten thousand values, so guesses are bounded: {@code maxFailures} wrong answers inside {@code window} lock
 * the number for {@code lockFor}, right answers included. A right answer clears the count.
 *
 * @param failures    wrong answers in the current window
 * @param windowStart when the current window began (null: no failure yet)
 * @param lockedUntil the number is refused until then (null: never locked)
 */
public record VerificationLockout(int failures, Instant windowStart, Instant lockedUntil) {

    public static final VerificationLockout NONE = new VerificationLockout(0, null, null);

    /** How many wrong answers, counted over how long, lock the number for how long. */
    public record Limit(int maxFailures, Duration window, Duration lockFor) {
        public Limit {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            if (window == null || window.isNegative() || window.isZero() || lockFor == null || lockFor.isNegative()
                    || lockFor.isZero()) {
                throw new IllegalArgumentException("window and lockFor must be positive");
            }
        }
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The state after one more wrong answer at {@code now}. */
    public VerificationLockout afterFailure(Instant now, Limit limit) {
        boolean windowOver = windowStart == null || !windowStart.plus(limit.window()).isAfter(now);
        int count = (windowOver ? 0 : failures) + 1;
        Instant start = windowOver ? now : windowStart;
        if (count >= limit.maxFailures()) {
            // locked: a fresh count starts when the lock ends
            return new VerificationLockout(0, null, now.plus(limit.lockFor()));
        }
        return new VerificationLockout(count, start, lockedUntil);
    }

    /** When this record means nothing any more (no lock, window over) and may be forgotten. */
    public Instant forgettableAfter(Limit limit) {
        Instant windowEnd = windowStart == null ? Instant.MIN : windowStart.plus(limit.window());
        Instant lockEnd = lockedUntil == null ? Instant.MIN : lockedUntil;
        return windowEnd.isAfter(lockEnd) ? windowEnd : lockEnd;
    }
}
