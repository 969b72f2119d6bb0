package com.complaintdesk.kit.audit;

import com.complaintdesk.kit.web.CallerIdentity;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * SPEC §7: every read of personal data and every change is recorded: who, what, which complaint, when, and the
 * request it came with. Stored in the service's own {@code audit} collection, append-only.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit";

    /** One audit record. */
    public record Entry(String actor, String roles, String action, String complaintId, Map<String, Object> details,
                        Instant at, String requestId) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("complaintId", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
    }

    public void record(CallerIdentity caller, String action, String complaintId, Map<String, Object> details) {
        mongo.insert(new Entry(caller.actor(), String.join(",", caller.roles()), action, complaintId,
                details == null ? Map.of() : details, clock.instant(), MDC.get("requestId")), COLLECTION);
    }
}
