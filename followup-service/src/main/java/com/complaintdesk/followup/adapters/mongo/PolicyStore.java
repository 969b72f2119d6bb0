package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.followup.application.FollowupProperties;
import com.complaintdesk.followup.domain.RevisitPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The follow-up policy as data: seeded from {@link FollowupProperties} when none is stored, then read from MongoDB,
 * so every instance uses the same policy and an edit takes effect without a redeploy.
 */
@Component
public class PolicyStore {

    private final MongoTemplate mongo;
    private final FollowupProperties properties;
    private final Clock clock;

    public PolicyStore(MongoTemplate mongo, FollowupProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public PolicyDocument current() {
        PolicyDocument d = mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        if (d != null) {
            return d;
        }
        PolicyDocument seed = new PolicyDocument();
        seed.id = PolicyDocument.CURRENT;
        seed.policy = properties.policy().toPolicy();
        seed.updatedBy = "configuration";
        seed.updatedAt = clock.instant();
        try {
            return mongo.insert(seed);
        } catch (DuplicateKeyException raced) {
            return mongo.findById(PolicyDocument.CURRENT, PolicyDocument.class);
        }
    }

    public RevisitPolicy policy() {
        return current().policy;
    }

    /** Replaces the policy; throws OptimisticLockingFailureException if it changed since {@code base} was read. */
    public PolicyDocument replace(PolicyDocument base, RevisitPolicy policy, String by) {
        base.policy = policy;
        base.updatedBy = by;
        base.updatedAt = clock.instant();
        return mongo.save(base);
    }
}
