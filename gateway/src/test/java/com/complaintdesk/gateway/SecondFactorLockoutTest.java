package com.complaintdesk.gateway;

import com.complaintdesk.gateway.security.SecondFactorLockout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorLockoutTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T08:00:00Z"));
    final InstantSource clock = now::get;
    final SecondFactorLockout lockout = new SecondFactorLockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000, clock);

    @Test
    void givenFourWrongAnswers_whenTheFifthIsWrong_thenTheNumberIsLockedForTheLockPeriod() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("C-20261128-000001");
        }
        assertThat(lockout.lockedUntil("C-20261128-000001")).isEmpty();

        lockout.failed("c-20261128-000001");

        assertThat(lockout.lockedUntil("C-20261128-000001")).hasValue(Instant.parse("2026-11-28T08:15:00Z"));
        assertThat(lockout.lockedUntil("C-20261128-000002")).as("other numbers").isEmpty();
        now.set(Instant.parse("2026-11-28T08:15:01Z"));
        assertThat(lockout.lockedUntil("C-20261128-000001")).isEmpty();
    }

    @Test
    void givenWrongAnswersSpreadBeyondTheWindow_thenTheyDoNotAddUp() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("C-20261128-000001");
        }
        now.set(now.get().plus(Duration.ofMinutes(16)));
        lockout.failed("C-20261128-000001");

        assertThat(lockout.lockedUntil("C-20261128-000001")).isEmpty();
    }

    @Test
    void givenARightAnswer_thenEarlierWrongOnesAreForgotten() {
        for (int i = 0; i < 4; i++) {
            lockout.failed("C-20261128-000001");
        }
        lockout.succeeded("C-20261128-000001");
        lockout.failed("C-20261128-000001");

        assertThat(lockout.lockedUntil("C-20261128-000001")).isEmpty();
    }

    @Test
    void givenManyNumbersTried_thenExpiredOnesAreDroppedSoMemoryStaysBounded() {
        var small = new SecondFactorLockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 10, clock);
        for (int i = 0; i < 10; i++) {
            small.failed("C-20261128-0000" + (10 + i));
        }
        now.set(now.get().plus(Duration.ofMinutes(31)));

        small.failed("C-20261128-000099");

        assertThat(small.lockedUntil("C-20261128-000099")).isEmpty();
        assertThat(small).extracting("attempts").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).hasSize(1);
    }
}
