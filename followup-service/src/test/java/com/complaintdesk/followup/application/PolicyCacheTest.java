package com.complaintdesk.followup.application;

import com.complaintdesk.followup.domain.Policies;
import com.complaintdesk.followup.domain.RevisitPolicy;
import com.complaintdesk.followup.domain.RevisitRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept policy on its own, with a clock the test moves: what another instance stores is used once the TTL has
 * passed, and a policy read while this instance replaced it is used for that one complaint but not kept. (That one
 * read serves several complaints, that this instance's change is used at once and that a TTL of 0 reads every time:
 * {@code adapters.PolicyReadsTest} and {@code adapters.PolicyReadsUncachedTest}, counting the store's commands.)
 */
class PolicyCacheTest {

    static final RevisitPolicy WORKING_DAYS = Policies.standard();
    static final RevisitPolicy DAYS_AFTER_REPLY = Policies.withRule(RevisitRule.DAYS_AFTER_REPLY);

    final AtomicLong nanos = new AtomicLong(42);
    /** what the store holds */
    final AtomicReference<RevisitPolicy> stored = new AtomicReference<>(WORKING_DAYS);
    Runnable whileReading = () -> { };

    RevisitPolicy read() {
        RevisitPolicy p = stored.get();
        whileReading.run();
        return p;
    }

    PolicyCache cacheFor(Duration ttl) {
        return new PolicyCache(this::read, ttl, nanos::get);
    }

    @Test
    void given_another_instance_replaced_the_policy_when_the_ttl_has_passed_then_the_next_complaint_uses_it() {
        PolicyCache cache = cacheFor(Duration.ofSeconds(2));
        assertThat(cache.policy()).isEqualTo(WORKING_DAYS);

        stored.set(DAYS_AFTER_REPLY);
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(cache.policy()).as("within the TTL").isEqualTo(WORKING_DAYS);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.policy()).as("once the TTL has passed").isEqualTo(DAYS_AFTER_REPLY);
    }

    @Test
    void given_a_replacement_here_while_the_policy_was_read_then_the_old_one_is_not_kept() {
        PolicyCache cache = cacheFor(Duration.ofSeconds(2));
        whileReading = () -> {
            whileReading = () -> { };
            stored.set(DAYS_AFTER_REPLY);
            cache.invalidate();
        };

        assertThat(cache.policy()).as("the complaint in hand").isEqualTo(WORKING_DAYS);
        assertThat(cache.policy()).as("the next one, within the TTL").isEqualTo(DAYS_AFTER_REPLY);
    }
}
