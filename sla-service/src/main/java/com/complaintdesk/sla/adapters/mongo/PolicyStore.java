package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.sla.domain.SlaPolicy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SLA policies (targets per clock, severity, complainant type, category) in MongoDB. */
@Component
public class PolicyStore {

    @Document("sla_policies")
    public record PolicyDocument(@Id String id, SlaPolicy policy, String updatedBy, Instant updatedAt) {
    }

    private final MongoTemplate mongo;

    public PolicyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long count() {
        return mongo.count(new Query(), PolicyDocument.class);
    }

    public List<PolicyDocument> all() {
        return mongo.find(new Query().with(Sort.by("_id")), PolicyDocument.class);
    }

    public Optional<PolicyDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, PolicyDocument.class));
    }

    public void insertIfAbsent(PolicyDocument doc) {
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException e) {
            // seeded by another instance
        }
    }

    public void save(PolicyDocument doc) {
        mongo.save(doc);
    }
}
