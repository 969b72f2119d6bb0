package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.mongo.ScopeCriteria;
import com.complaintdesk.kit.web.ComplaintAccess;
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

/** Complaints in dispatch. A save writes the state and its events (outbox) in one document write, with optimistic locking. */
@Component
public class CaseStore {

    private final MongoTemplate mongo;
    private final EventCodec codec;

    public CaseStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, CaseDocument.class);
    }

    public Optional<CaseDocument> find(String number) {
        return Optional.ofNullable(mongo.findById(number, CaseDocument.class));
    }

    /**
     * Saves the case with its events: every event goes to {@link Topics#DISPATCH}; a ComplaintDispatched also to the
     * department's own topic, so a department system reads only its own complaints.
     */
    public void save(CaseDocument doc, List<EventEnvelope<?>> events) {
        for (EventEnvelope<?> e : events) {
            doc.enqueue(Topics.DISPATCH, e, codec);
            if (e.payload() instanceof ComplaintDispatched d && d.department() != null) {
                doc.enqueue(Topics.departmentTopic(d.department()), e, codec);
            }
        }
        doc.syncIndexes();
        mongo.save(doc);
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
