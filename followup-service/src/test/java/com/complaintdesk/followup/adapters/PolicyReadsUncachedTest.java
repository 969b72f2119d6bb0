package com.complaintdesk.followup.adapters;

import com.complaintdesk.followup.adapters.mongo.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code followup.policy-cache-ttl=0} keeps nothing: every event that uses the policy reads it from the store, as
 * before issue 7, so a policy another instance stored is used by the next complaint.
 */
@TestPropertySource(properties = "followup.policy-cache-ttl=0s")
class PolicyReadsUncachedTest extends PolicyReadsHarness {

    @Autowired
    MongoTemplate mongo;

    @Test
    void with_a_ttl_of_zero_every_complaint_reads_the_policy_from_the_store() {
        // stored before (a fresh database stores the configured default on the first read)
        storedPolicy();
        for (int i = 0; i < 3; i++) {
            Handled h = handleComplaint();
            // one find for the registration, one for the resolution
            assertThat(h.policyCommands()).as(h.id()).isEqualTo(2);
            assertThat(dueAt(h.id())).isEqualTo(DUE_BY_WORKING_DAYS);
        }

        // changed in the store, not through this instance (as another instance would)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(PolicyDocument.CURRENT)),
                Update.update("policy.rule", "DAYS_AFTER_REPLY"), PolicyDocument.class);

        Handled next = handleComplaint();
        assertThat(next.policyCommands()).isEqualTo(2);
        assertThat(dueAt(next.id())).isEqualTo(DUE_BY_DAYS_AFTER_REPLY);
    }
}
