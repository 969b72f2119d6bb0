package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.kit.web.CallerIdentity;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** SPEC §7: every read of personal data goes to an audit trail: who, when, what, which complaints. */
@Component
public class LedgerAuditTrail {

    public static final String COLLECTION = "ledger_audit";

    private final MongoTemplate mongo;
    private final Clock clock;

    public LedgerAuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record AuditRecord(java.time.Instant at, String actor, List<String> roles, String department, String action,
                              List<String> complaintNumbers, Map<String, Object> query, long count) {
    }

    public void ensureIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("complaintNumbers", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    public void record(CallerIdentity caller, String action, List<String> numbers, Map<String, Object> query) {
        mongo.insert(new Document("at", Date.from(clock.instant()))
                .append("actor", caller.actor())
                .append("roles", new ArrayList<>(caller.roles()))
                .append("department", caller.department())
                .append("action", action)
                .append("complaintNumbers", numbers)
                .append("query", new Document(query))
                .append("count", numbers.size()), COLLECTION);
    }

    public List<AuditRecord> forComplaint(String number, int limit) {
        Query q = new Query(Criteria.where("complaintNumbers").is(number)).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        return mongo.find(q, Document.class, COLLECTION).stream().map(d -> new AuditRecord(
                d.getDate("at").toInstant(), d.getString("actor"), d.getList("roles", String.class),
                d.getString("department"), d.getString("action"), d.getList("complaintNumbers", String.class),
                d.get("query", Document.class), ((Number) d.get("count")).longValue())).toList();
    }
}
