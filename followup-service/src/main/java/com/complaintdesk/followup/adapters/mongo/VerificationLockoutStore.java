package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.followup.domain.VerificationLockout;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The second-factor lockouts in MongoDB, so every instance of follow-up counts the same wrong answers. Documents
 * expire by a TTL index once the window and the lock are over; numbers nobody guesses leave nothing behind.
 */
@Component
public class VerificationLockoutStore {

    static final String COLLECTION = "verification_lockouts";
    private static final int MAX_RETRIES = 20;
    private static final Duration BUSY = Duration.ofSeconds(1);

    private final MongoTemplate mongo;

    public VerificationLockoutStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /**
     * Counts one guess as wrong before it is checked (a right one is then {@link #clear cleared}), so that parallel
     * guesses are serialised here (optimistic locking, retried) and at most the allowance gets past a lock that
     * the first of them sets. Returns the state before this guess; a locked state is left as it is.
     */
    public VerificationLockout countGuess(String complaintId, Instant now, VerificationLockout.Limit limit) {
        for (int attempt = 0; ; attempt++) {
            VerificationLockoutDocument d = mongo.findById(complaintId, VerificationLockoutDocument.class);
            if (d == null) {
                d = new VerificationLockoutDocument();
                d.complaintId = complaintId;
            }
            VerificationLockout before = new VerificationLockout(d.failures, d.windowStart, d.lockedUntil);
            if (before.lockedAt(now)) {
                return before;
            }
            VerificationLockout next = before.afterFailure(now, limit);
            d.failures = next.failures();
            d.windowStart = next.windowStart();
            d.lockedUntil = next.lockedUntil();
            d.expireAt = next.forgettableAfter(limit);
            try {
                if (d.version == null) {
                    mongo.insert(d);
                } else {
                    mongo.save(d);
                }
                return before;
            } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                if (attempt >= MAX_RETRIES) {
                    // that many guesses at once on one number: refuse this one for a moment rather than check it
                    return new VerificationLockout(before.failures(), before.windowStart(), now.plus(BUSY));
                }
            }
        }
    }

    /** A right answer: the count starts again. */
    public void clear(String complaintId) {
        mongo.remove(new Query(Criteria.where("_id").is(complaintId)), VerificationLockoutDocument.class);
    }
}
