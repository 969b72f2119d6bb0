package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.followup.application.FollowupConfiguration;
import com.complaintdesk.followup.application.FollowupProperties;
import com.complaintdesk.followup.domain.FollowupCase;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.outbox.RememberedDocuments;
import com.complaintdesk.kit.mongo.ScopeCriteria;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * Maps follow-up cases to MongoDB; a case and the events it caused are saved in one write, with optimistic locking.
 * <p>
 * The cases this instance wrote last are remembered ({@code followup.recent-cases}, the kit's {@link RememberedDocuments}), so the
 * listener applies a complaint's next event without reading its case ({@link #remembered}, {@link #saveRemembered}).
 * What that rests on: a case is never deleted (nor created again under its complaint id), and every change of it moves
 * the version (the listener's and the staff actions' saves) except the outbox relay's, which touch only the outbox,
 * {@code outboxPending} and the lease; a write on a remembered case writes none of those as remembered (it adds its own
 * events to the outbox as stored), so a relay pass since does not make it stale.
 */
@Component
public class FollowupStore {


    private final MongoTemplate mongo;
    private final EventCodec codec;
    /** the cases as this instance last wrote them (stored BSON without the outbox), and the write on one of them */
    private final RememberedDocuments<FollowupDocument> recent;

    @Autowired
    public FollowupStore(MongoTemplate mongo, EventCodec codec, ObjectProvider<OutboxHints> hints,
                         FollowupProperties properties) {
        this(mongo, codec, hints.getIfAvailable(), properties.recentCases());
    }

    /**
     * @param hints       the relay to tell of events added by a write on a remembered case; null: its scan finds them
     * @param recentCases how many complaints' cases are remembered as last written; 0: none (every event reads)
     */
    public FollowupStore(MongoTemplate mongo, EventCodec codec, OutboxHints hints, int recentCases) {
        this.mongo = mongo;
        this.codec = codec;
        this.recent = new RememberedDocuments<>(mongo, FollowupDocument.class, FollowupConfiguration.CASES, hints, recentCases);
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, FollowupDocument.class);
    }

    public Optional<FollowupDocument> find(String complaintId) {
        return Optional.ofNullable(mongo.findById(complaintId, FollowupDocument.class));
    }

    /**
     * The case as this instance last wrote it, without a store round trip: a guess at the stored one, only for
     * {@link #saveRemembered} (conditioned on its version). Its outbox is empty: what waits there is the relay's.
     */
    public Optional<FollowupDocument> remembered(String complaintId) {
        return recent.get(complaintId);
    }

    /**
     * Writes the case and enqueues its events; throws OptimisticLockingFailureException or DuplicateKeyException on a
     * race. The case as stored is remembered for the complaint's next event; a failed write forgets it.
     */
    public void save(FollowupCase c, FollowupDocument d, List<? extends EventEnvelope<?>> events, Instant now) {
        write(c, d);
        d.updatedAt = now;
        for (EventEnvelope<?> e : events) {
            d.enqueue(Topics.FOLLOWUP, e, codec);
        }
        try {
            if (d.getVersion() == null) {
                mongo.insert(d);
            } else {
                mongo.save(d);
            }
        } catch (RuntimeException e) {
            recent.forget(d.complaintId); // behind the stored case, or the write's outcome is unknown
            throw e;
        }
        recent.saved(d.complaintId, d);
    }

    /**
     * Writes the case on a {@link #remembered} document, conditioned on the {@code (_id, version)} it was remembered
     * at, and moves the version on, as {@link #save} does. It sets every field of the case but the outbox, to which it
     * adds the events of this write ({@code $push}), with {@code outboxPending} and no relay lease (so the relay's
     * hint claims it at once, as after a whole save). The outbox as remembered is never written back: an event the
     * relay sent and removed since (without moving the version) would come back, and a remembered case can be older
     * than {@code kit.outbox.sent-retention}, after which the relay would send it again.
     *
     * @return false when the stored case is not at that version (another instance or a staff action moved it on, or
     *         it is gone): it is forgotten, and the caller reads the stored one
     */
    public boolean saveRemembered(FollowupCase c, FollowupDocument d, List<? extends EventEnvelope<?>> events,
                                  Instant now) {
        if (d.getVersion() == null) {
            throw new IllegalArgumentException("not a remembered case: " + d.complaintId);
        }
        write(c, d);
        d.updatedAt = now;
        for (EventEnvelope<?> e : events) {
            d.enqueue(Topics.FOLLOWUP, e, codec);
        }
        return recent.write(d.complaintId, d);
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
