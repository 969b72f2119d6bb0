package com.complaintdesk.triage.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.kit.events.EventCodec;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Triage complaints and collective cases in MongoDB; each write carries its events in the document's outbox. */
@Component
public class TriageStore {

    private final MongoTemplate mongo;
    private final EventCodec codec;

    public TriageStore(MongoTemplate mongo, EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    /** "3F 家电区" and "3f家电区" are the same place. */
    public static String subjectKey(String subject) {
        if (subject == null) {
            return "";
        }
        return java.text.Normalizer.normalize(subject, java.text.Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct},。、]+", "");
    }

    public Optional<TriageCaseDocument> find(String number) {
        return Optional.ofNullable(mongo.findById(number, TriageCaseDocument.class));
    }

    /** Insert (new) or save with optimistic locking (existing), with the events in the outbox. */
    public void write(TriageCaseDocument doc, List<? extends EventEnvelope<?>> events) {
        doc.copyQueryFields(subjectKey(doc.state.facts().subject()));
        for (EventEnvelope<?> e : events) {
            doc.enqueue(Topics.TRIAGE, e, codec);
        }
        if (doc.getVersion() == null) {
            mongo.insert(doc);
        } else {
            mongo.save(doc);
        }
    }

    /** The complainant's earlier complaints that are triaged and not resolved (SPEC §8 REPEATED). */
    public List<TriageCaseDocument> unresolvedOfComplainant(String contactKey, String except, Instant since) {
        if (contactKey == null) {
            return List.of();
        }
        return mongo.find(new Query(Criteria.where("contactKey").is(contactKey).and("_id").ne(except)
                .and("status").is(TriageStatus.TRIAGED).and("resolved").is(false).and("receivedAt").gte(since)), TriageCaseDocument.class);
    }

    /** Triaged complaints of the same category and subject received inside the window (SPEC §3.6). */
    public List<TriageCaseDocument> sameMatter(String category, String subjectKey, Instant from, Instant to, String except, int limit) {
        Query q = new Query(Criteria.where("category").is(category).and("subjectKey").is(subjectKey)
                .and("receivedAt").gte(from).lte(to).and("status").is(TriageStatus.TRIAGED).and("_id").ne(except))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit);
        return mongo.find(q, TriageCaseDocument.class);
    }

    public List<TriageCaseDocument> byStatus(TriageStatus status, int limit) {
        return mongo.find(new Query(Criteria.where("status").is(status)).with(Sort.by("receivedAt")).limit(limit),
                TriageCaseDocument.class);
    }

    public long countTriaged() {
        return mongo.count(new Query(Criteria.where("status").is(TriageStatus.TRIAGED)), TriageCaseDocument.class);
    }

    public long countCorrected() {
        return mongo.count(new Query(Criteria.where("corrected").is(true)), TriageCaseDocument.class);
    }

    public Optional<CollectiveCaseDocument> collectiveCase(String id) {
        return Optional.ofNullable(mongo.findById(id, CollectiveCaseDocument.class));
    }

    public List<CollectiveCaseDocument> collectiveCases(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(limit), CollectiveCaseDocument.class);
    }

    /** Inserts a new case with its opened event; DuplicateKeyException when another instance opened it first. */
    public void insertCase(CollectiveCaseDocument c, EventEnvelope<?> opened) {
        c.enqueue(Topics.TRIAGE, opened, codec);
        mongo.insert(c);
    }

    /**
     * SPEC §3.6: one open collective case per matter (category + subject). Claims the matter for
     * {@code proposedCaseId} until {@code until}, unless another case holds it still: then that case's id is returned.
     * One atomic find-and-modify (upsert on the matter key), so two instances tripping the same matter at the same
     * moment agree on the case.
     */
    public String claimMatter(String category, String subjectKey, String proposedCaseId, Instant now, Instant until) {
        String key = category + "|" + subjectKey;
        Query free = new Query(Criteria.where("_id").is(key).and("until").lt(now));
        var take = new org.springframework.data.mongodb.core.query.Update().set("caseId", proposedCaseId).set("until", until);
        try {
            org.bson.Document claimed = mongo.findAndModify(free, take,
                    org.springframework.data.mongodb.core.FindAndModifyOptions.options().upsert(true).returnNew(true),
                    org.bson.Document.class, MATTERS);
            return claimed == null ? proposedCaseId : claimed.getString("caseId");
        } catch (org.springframework.dao.DuplicateKeyException held) {
            org.bson.Document holder = mongo.findById(key, org.bson.Document.class, MATTERS);
            return holder == null ? proposedCaseId : holder.getString("caseId");
        }
    }

    static final String MATTERS = "collective_matters";

    public void addMember(String caseId, String number) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)),
                new org.springframework.data.mongodb.core.query.Update().addToSet("members", number), CollectiveCaseDocument.class);
    }
}
