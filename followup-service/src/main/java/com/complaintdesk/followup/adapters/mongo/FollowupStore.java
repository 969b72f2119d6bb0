package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.followup.domain.FollowupCase;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.mongo.ScopeCriteria;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Maps follow-up cases to MongoDB; a case and the events it caused are saved in one write, with optimistic locking. */
@Component
public class FollowupStore {

    private final MongoTemplate mongo;
    private final EventCodec codec;

    public FollowupStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, FollowupDocument.class);
    }

    public Optional<FollowupDocument> find(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, FollowupDocument.class));
    }

    /** Writes the case and enqueues its events; throws OptimisticLockingFailureException or DuplicateKeyException on a race. */
    public void save(FollowupCase c, FollowupDocument d, List<? extends EventEnvelope<?>> events, Instant now) {
        write(c, d);
        d.updatedAt = now;
        for (EventEnvelope<?> e : events) {
            d.enqueue(Topics.FOLLOWUP, e, codec);
        }
        if (d.getVersion() == null) {
            mongo.insert(d);
        } else {
            mongo.save(d);
        }
    }

    /**
     * Open revisits, earliest due first, optionally of one assignee queue and inside a due window; confidential
     * (HR) ones only when {@code includeConfidential}.
     */
    /** The first {@code limit} revisits by due date that match and that {@code scope} lets the caller see. */
    public List<FollowupDocument> revisits(Collection<FollowupStatus> statuses, String assignee,
                                           ComplaintAccess.Scope scope, Instant dueFrom, Instant dueBefore, int limit) {
        List<Criteria> all = new ArrayList<>(ScopeCriteria.of(scope, "department", "confidential"));
        all.add(Criteria.where("status").in(statuses.stream().map(Enum::name).toList()));
        if (assignee != null) {
            all.add(Criteria.where("assignee").is(assignee));
        }
        if (dueFrom != null) {
            all.add(Criteria.where("dueAt").gte(dueFrom));
        }
        if (dueBefore != null) {
            all.add(Criteria.where("dueAt").lt(dueBefore));
        }
        Query q = new Query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Direction.ASC, "dueAt")).limit(limit);
        return mongo.find(q, FollowupDocument.class);
    }

    public FollowupCase toDomain(FollowupDocument d) {
        return new FollowupCase(d.complaintId, d.complainantType, d.phoneDigest, d.emailDigest, d.severity, d.flags,
                d.department, d.handler, d.status, d.revisit, d.pastRevisits, d.reopenCount, d.specialReport,
                d.closeReason, d.closedAt, d.confidential);
    }

    private static void write(FollowupCase c, FollowupDocument d) {
        d.complaintId = c.complaintId();
        d.complainantType = c.complainantType();
        d.phoneDigest = c.phoneDigest();
        d.emailDigest = c.emailDigest();
        d.severity = c.severity();
        d.flags = c.flags();
        d.department = c.department();
        d.handler = c.handler();
        d.status = c.status();
        d.revisit = c.revisit();
        d.pastRevisits = new ArrayList<>(c.pastRevisits());
        d.reopenCount = c.reopenCount();
        d.specialReport = c.specialReport();
        d.closeReason = c.closeReason();
        d.closedAt = c.closedAt();
        d.confidential = c.confidential();
        d.assignee = c.revisit() == null ? null : c.revisit().assignee();
        d.dueAt = c.revisit() == null ? null : c.revisit().dueAt();
    }
}
