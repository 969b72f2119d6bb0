package com.complaintdesk.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.complaintdesk.followup.domain.Policies.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationLockoutTest {

    final VerificationLockout.Limit limit = new VerificationLockout.Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    final Instant t = at("2026-12-01T10:00");

    VerificationLockout failures(int n, Instant start, Duration apart) {
        VerificationLockout l = VerificationLockout.NONE;
        for (int i = 0; i < n; i++) {
            l = l.afterFailure(start.plus(apart.multipliedBy(i)), limit);
        }
        return l;
    }

    @Test
    void given_four_wrong_answers_in_the_window_then_not_locked_yet() {
        var l = failures(4, t, Duration.ofMinutes(1));

        assertThat(l.lockedAt(t.plusSeconds(240))).isFalse();
        assertThat(l.failures()).isEqualTo(4);
    }

    @Test
    void given_the_fifth_wrong_answer_in_the_window_then_locked_for_the_lock_period_and_the_count_starts_again() {
        var l = failures(5, t, Duration.ofMinutes(1));
        Instant fifth = t.plus(Duration.ofMinutes(4));

        assertThat(l.lockedAt(fifth)).isTrue();
        assertThat(l.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(l.lockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(l.failures()).isZero();
        assertThat(l.afterFailure(fifth.plus(Duration.ofMinutes(16)), limit).lockedAt(fifth.plus(Duration.ofMinutes(16)))).isFalse();
    }

    @Test
    void given_wrong_answers_spread_wider_than_the_window_then_never_locked() {
        var l = failures(12, t, Duration.ofMinutes(4));

        assertThat(l.lockedUntil()).isNull();
        assertThat(l.failures()).isLessThan(5);
    }

    @Test
    void given_a_lock_then_it_may_be_forgotten_once_over() {
        var l = failures(5, t, Duration.ZERO);

        assertThat(l.forgettableAfter(limit)).isEqualTo(t.plus(Duration.ofMinutes(15)));
        assertThat(VerificationLockout.NONE.afterFailure(t, limit).forgettableAfter(limit)).isEqualTo(t.plus(Duration.ofMinutes(15)));
    }

    @Test
    void given_a_limit_without_failures_or_time_then_refused() {
        assertThatThrownBy(() -> new VerificationLockout.Limit(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerificationLockout.Limit(3, Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
