package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Departments, handlers and the organisation settings in MongoDB. Workload changes are single atomic
 * {@code findAndModify} updates with a guard, so several dispatch instances never double-assign or lose a count.
 */
@Component
public class OrganisationStore {

    private final MongoTemplate mongo;

    public OrganisationStore(MongoTemplate mongo) {
        this.mongo = mongo;
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, HandlerDocument.class);
    }

    public boolean isEmpty() {
        return mongo.count(new Query(), DepartmentDocument.class) == 0;
    }

    public List<Department> departments() {
        return mongo.find(new Query().with(Sort.by("_id")), DepartmentDocument.class).stream().map(DepartmentDocument::toDomain).toList();
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(mongo.findById(code, DepartmentDocument.class)).map(DepartmentDocument::toDomain);
    }

    public void saveDepartment(Department d) {
        mongo.save(DepartmentDocument.of(d));
    }

    public List<Handler> handlers(String department) {
        Query q = department == null ? new Query() : new Query(Criteria.where("department").is(department));
        return mongo.find(q.with(Sort.by("_id")), HandlerDocument.class).stream().map(HandlerDocument::toDomain).toList();
    }

    /** A department's handlers, and those of them whose open workload holds the complaint already. */
    public record Roster(List<Handler> handlers, List<Handler> holders) {
    }

    /**
     * The department's handlers and which of them hold the complaint, from one read: the same as
     * {@link #handlers(String)} and {@link #holdersOf(String)} restricted to the department, without the second
     * (unindexed) look-up by {@code openCases}.
     */
    public Roster roster(String department, String complaint) {
        List<Handler> handlers = new ArrayList<>();
        List<Handler> holders = new ArrayList<>();
        for (HandlerDocument d : mongo.find(new Query(Criteria.where("department").is(department)).with(Sort.by("_id")),
                HandlerDocument.class)) {
            Handler h = d.toDomain();
            handlers.add(h);
            if (d.openCases != null && d.openCases.contains(complaint)) {
                holders.add(h);
            }
        }
        return new Roster(List.copyOf(handlers), List.copyOf(holders));
    }

    public Optional<Handler> handler(String id) {
        return Optional.ofNullable(mongo.findById(id, HandlerDocument.class)).map(HandlerDocument::toDomain);
    }

    /** Creates or updates a handler's profile, never touching the workload fields. */
    public void saveProfile(Handler h) {
        Update u = new Update().set("name", h.name()).set("employeeNo", h.employeeNo()).set("department", h.department())
                .set("skills", h.skills()).set("capacity", h.capacity()).set("alwaysOnDuty", h.duty().alwaysOnDuty())
                .set("zone", h.duty().zone()).set("shifts", HandlerDocument.shiftsOf(h.duty())).set("available", h.available())
                .setOnInsert("openCases", List.of()).setOnInsert("openCount", 0).setOnInsert("lastAssignedSeq", 0L);
        mongo.upsert(new Query(Criteria.where("_id").is(h.id())), u, HandlerDocument.class);
    }

    public void setAvailable(String handlerId, boolean available) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(handlerId)), new Update().set("available", available), HandlerDocument.class);
    }

    /**
     * Gives the complaint to the handler if their workload is still what the caller saw (so the least-workload choice
     * still holds) and they do not hold it already. Returns false when another instance got there first: choose again.
     */
    public boolean claim(String handlerId, String complaint, int seenOpenCount, long assignmentSeq) {
        Query q = new Query(Criteria.where("_id").is(handlerId).and("openCount").is(seenOpenCount).and("openCases").ne(complaint));
        Update u = new Update().push("openCases", complaint).inc("openCount", 1).set("lastAssignedSeq", assignmentSeq);
        return mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true), HandlerDocument.class) != null;
    }

    /** Takes the complaint off the handler's open workload; harmless if they no longer hold it. */
    public void release(String handlerId, String complaint) {
        if (handlerId != null) {
            removeFromWorkload(handlerId, complaint);
        }
    }

    /** Every handler's open workload: handler id → the complaints it counts. */
    public Map<String, List<String>> workloads() {
        Query q = new Query();
        q.fields().include("openCases");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HandlerDocument h : mongo.find(q, HandlerDocument.class)) {
            out.put(h.id, h.openCases == null ? List.of() : List.copyOf(h.openCases));
        }
        return out;
    }

    /** Puts a complaint the handler really holds back on their workload; nothing if it is there already. */
    public boolean addToWorkload(String handlerId, String complaint) {
        Query q = new Query(Criteria.where("_id").is(handlerId).and("openCases").ne(complaint));
        return mongo.findAndModify(q, new Update().push("openCases", complaint).inc("openCount", 1), HandlerDocument.class) != null;
    }

    /** Takes the complaint off the handler's workload; true if it was there. */
    public boolean removeFromWorkload(String handlerId, String complaint) {
        Query q = new Query(Criteria.where("_id").is(handlerId).and("openCases").is(complaint));
        return mongo.findAndModify(q, new Update().pull("openCases", complaint).inc("openCount", -1), HandlerDocument.class) != null;
    }

    /** Every handler whose open workload includes the complaint: exactly one while it is open. */
    public List<Handler> holdersOf(String complaint) {
        return mongo.find(new Query(Criteria.where("openCases").is(complaint)), HandlerDocument.class).stream()
                .map(HandlerDocument::toDomain).toList();
    }

    /** The department's assignment sequence, for the round-robin tie-break. */
    public long nextAssignmentSeq(String department) {
        Document c = mongo.findAndModify(new Query(Criteria.where("_id").is("assign-" + department)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
        return ((Number) c.get("seq")).longValue();
    }

    public OrganisationSettingsDocument settings() {
        OrganisationSettingsDocument s = mongo.findById(OrganisationSettingsDocument.ID, OrganisationSettingsDocument.class);
        return s == null ? new OrganisationSettingsDocument() : s;
    }

    public void saveSettings(OrganisationSettingsDocument s) {
        mongo.save(s);
    }
}
