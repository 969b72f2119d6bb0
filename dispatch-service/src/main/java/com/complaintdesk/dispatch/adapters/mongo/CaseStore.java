package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.application.DispatchProperties;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.outbox.RememberedDocuments;
import com.complaintdesk.kit.mongo.ScopeCriteria;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.kit.outbox.OutboxKeepingUpdate;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Complaints in dispatch. A save writes the state and its events (outbox) in one document write, with optimistic locking.
 * <p>
 * The cases this instance wrote last are remembered ({@code dispatch.recent-cases}, the kit's {@link RememberedDocuments}),
 * so the listeners apply a complaint's next event without reading its case ({@link #remembered},
 * {@link #saveRemembered}). What that rests on: a case is never deleted (nor created again under its number), and every
 * change of it moves the version (the listeners', the queue drain's, the staff actions' and the complainant's answers'
 * saves, all {@link #save}) except the outbox relay's, which touch only the outbox, {@code outboxPending} and the
 * lease; a write on a remembered case writes none of those as remembered (it adds its own events to the outbox as
 * stored), so a relay pass since does not make it stale. Handler workloads are other documents (handlers' collection).
 */
@Component
public class CaseStore {

    static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    /** the cases as this instance last wrote them (stored BSON without the outbox), and the write on one of them */
    private final RememberedDocuments<CaseDocument> recent;

    @Autowired
    public CaseStore(MongoTemplate mongo, EventCodec codec, ObjectProvider<OutboxHints> hints, DispatchProperties properties) {
        this(mongo, codec, hints.getIfAvailable(), properties.recentCases());
    }

    /**
     * @param hints       the relay to tell of events added by a write on a remembered case; null: its scan finds them
     * @param recentCases how many complaints' cases are remembered as last written; 0: none (every event reads)
     */
    public CaseStore(MongoTemplate mongo, EventCodec codec, OutboxHints hints, int recentCases) {
        this.mongo = mongo;
        this.codec = codec;
        this.recent = new RememberedDocuments<>(mongo, CaseDocument.class, COLLECTION, hints, recentCases);
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, CaseDocument.class);
    }

    public Optional<CaseDocument> find(String number) {
        return Optional.ofNullable(mongo.findById(number, CaseDocument.class));
    }

    /**
     * The case as this instance last wrote it, without a store round trip: a guess at the stored one, only for
     * {@link #saveRemembered} (conditioned on its version). Its outbox is empty: what waits there is the relay's.
     */
    public Optional<CaseDocument> remembered(String number) {
        return recent.get(number);
    }

    /** Forgets the remembered case (it was not written, or a decision is to be taken on the stored one). */
    public void forget(String number) {
        recent.forget(number);
    }

    /**
     * Saves the case with its events: every event goes to {@link Topics#DISPATCH}; a ComplaintDispatched also to the
     * department's own topic, so a department system reads only its own complaints. The case as stored is remembered
     * for the complaint's next event; a failed save forgets it.
     */
    public void save(CaseDocument doc, List<EventEnvelope<?>> events) {
        enqueue(doc, events);
        doc.syncIndexes();
        try {
            mongo.save(doc);
        } catch (RuntimeException e) {
            recent.forget(doc.number); // behind the stored case, or the write's outcome is unknown
            throw e;
        }
        recent.saved(doc.number, doc);
    }

    /**
     * Writes the case on a {@link #remembered} document, conditioned on the {@code (_id, version)} it was remembered
     * at, and moves the version on, as {@link #save} does. It sets every field of the case but the outbox, to which it
     * adds the events of this write ({@code $push}, the kit's {@link OutboxKeepingUpdate}), with {@code outboxPending}
     * and no relay lease (so the relay's hint claims it at once, as after a whole save). The outbox as remembered is
     * never written back: an event the relay sent and removed since (without moving the version) would come back, and
     * a remembered case can be older than {@code kit.outbox.sent-retention}, after which the relay would send it again.
     *
     * @return false when the stored case is not at that version (another instance, a staff action or the queue drain
     *         moved it on): it is forgotten, and the caller reads the stored one
     */
    public boolean saveRemembered(CaseDocument doc, List<EventEnvelope<?>> events) {
        if (doc.getVersion() == null) {
            throw new IllegalArgumentException("not a remembered case: " + doc.number);
        }
        enqueue(doc, events);
        doc.syncIndexes();
        return recent.write(doc.number, doc);
    }

    private void enqueue(CaseDocument doc, List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> e : events) {
            doc.enqueue(Topics.DISPATCH, e, codec);
            if (e.payload() instanceof ComplaintDispatched d && d.department() != null) {
                doc.enqueue(Topics.departmentTopic(d.department()), e, codec);
            }
        }
    }

    /** One page of the cases that match and that {@code scope} lets the caller see, most recently changed first. */
    public List<CaseDocument> list(String department, HandlingStatus status, String handler,
                                   ComplaintAccess.Scope scope, int page, int size) {
        List<Criteria> visible = ScopeCriteria.of(scope, "department", "confidential");
        Criteria c = visible.isEmpty() ? new Criteria() : new Criteria().andOperator(visible);
        if (department != null) {
            c = c.and("department").is(department);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        if (handler != null) {
            c = c.and("handler").is(handler);
        }
        Query q = new Query(c).with(Sort.by(Sort.Direction.DESC, "updatedAt", "_id")).skip((long) page * size).limit(size);
        q.fields().exclude("outbox").exclude("processedEvents");
        return mongo.find(q, CaseDocument.class);
    }

    public List<CaseDocument> queued() {
        return mongo.find(new Query(Criteria.where("status").is(HandlingStatus.QUEUED)).limit(200), CaseDocument.class);
    }

    /** Handler → the open complaints assigned to them, read from the cases themselves (the truth for workloads). */
    public Map<String, Set<String>> openAssignments() {
        Query q = new Query(Criteria.where("status").in(OPEN).and("handler").ne(null));
        q.fields().include("handler");
        Map<String, Set<String>> out = new HashMap<>();
        for (CaseDocument d : mongo.find(q, CaseDocument.class)) {
            out.computeIfAbsent(d.handler, h -> new HashSet<>()).add(d.number);
        }
        return out;
    }

    /** The statuses in which a complaint counts towards its handler's workload. */
    private static final List<HandlingStatus> OPEN = List.of(HandlingStatus.DISPATCHED, HandlingStatus.INVESTIGATING,
            HandlingStatus.SOLUTION_PROPOSED, HandlingStatus.APPEALED, HandlingStatus.IN_PROGRESS);

    public List<CaseDocument> openCasesOf(String handler) {
        return mongo.find(new Query(Criteria.where("handler").is(handler).and("status").in(OPEN)), CaseDocument.class);
    }
}
