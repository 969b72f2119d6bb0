package com.complaintdesk.followup.adapters;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: follow-up read its revisit policy from the store for every event that uses it (two per complaint). Now one
 * read serves every complaint within {@code followup.policy-cache-ttl}, and a policy replaced through this instance's
 * API is used by the very next complaint. The TTL is a minute here, so nothing below passes because it ran out.
 */
@TestPropertySource(properties = "followup.policy-cache-ttl=1m")
class PolicyReadsTest extends PolicyReadsHarness {

    static final int COMPLAINTS = 5;

    @Test
    void several_complaints_within_the_ttl_read_the_policy_from_the_store_once() {
        // replacing it by itself through the API: the next complaint reads it again, whatever ran before
        assertThat(put(POLICY, storedPolicy(), "ADMIN").status()).isEqualTo(200);

        List<Handled> handled = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            handled.add(handleComplaint());
        }

        // before: 2 finds per complaint (registration, resolution)
        assertThat(handled).extracting(Handled::policyCommands).containsExactly(1L, 0L, 0L, 0L, 0L);
        // every one scheduled by the policy all the same (the configured default: 2 working days)
        handled.forEach(h -> assertThat(dueAt(h.id())).as(h.id()).isEqualTo(DUE_BY_WORKING_DAYS));
    }

    @Test
    void a_policy_replaced_through_the_api_is_used_by_the_next_complaint_at_once() {
        Handled before = handleComplaint();
        assertThat(dueAt(before.id())).isEqualTo(DUE_BY_WORKING_DAYS);
        String original = storedPolicy();

        var replaced = put(POLICY, original.replace("WORKING_DAYS_AFTER_COMPLETION", "DAYS_AFTER_REPLY"), "ADMIN");
        try {
            assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);

            Handled next = handleComplaint();

            // the kept policy (a minute old at most) was dropped: read again, once
            assertThat(next.policyCommands()).isEqualTo(1);
            assertThat(dueAt(next.id())).isEqualTo(DUE_BY_DAYS_AFTER_REPLY);
        } finally {
            assertThat(put(POLICY, original, "ADMIN").status()).isEqualTo(200);
        }
    }
}
