package com.complaintdesk.triage.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.mongo.StoredValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Locale;
import java.util.Optional;

/**
 * Triage complaints and collective cases in MongoDB; each write carries its events in the document's outbox.
 * <p>
 * The two look-ups of every classification (same matter, same complainant) go one of two ways. On a real MongoDB they
 * are queries served by the compound indexes created at start. On the Mongo-wire store ({@code kit.outbox.id-indexes},
 * the local run), which reads the whole collection for any query that is not exactly a unique index's fields, they
 * go through {@link #LOOKUP}: one document per matter and day and one per complainant, listing the numbers written
 * under that key. A write adds its keys there <em>before</em> it saves the complaint (and records them on it), so
 * every stored complaint is listed under the keys of its stored fields; listed numbers are then read by {@code _id}
 * and filtered here by exactly the criteria of the query, so a stale listing (a complaint since reclassified) drops
 * out and the answer is the query's.
 */
@Component
public class TriageStore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TriageStore.class);
    static final String LOOKUP = "triage_lookup";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final boolean lookupDocuments;

    public TriageStore(MongoTemplate mongo, EventCodec codec, @Value("${kit.outbox.id-indexes:false}") boolean lookupDocuments) {
        this.mongo = mongo;
        this.codec = codec;
        this.lookupDocuments = lookupDocuments;
        // the officers' examples and the rule versions: their annotated indexes (triage_cases' are made below)
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, LabelledExampleDocument.class, RuleVersionDocument.class);
    }

    /**
     * The look-ups' indexes on a real MongoDB (the {@code @CompoundIndex} annotations alone create nothing: Spring
     * Data's index auto-creation is off); with the look-up documents, the listing of complaints written before them.
     */
    @Override
    public void afterPropertiesSet() {
        var ops = mongo.indexOps(TriageCaseDocument.class);
        ops.createIndex(new Index().on("category", Sort.Direction.ASC).on("subjectKey", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.ASC).named("same_matter"));
        ops.createIndex(new Index().on("contactKey", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC).named("same_complainant"));
        ops.createIndex(new Index().on("status", Sort.Direction.ASC).named("status"));
        if (lookupDocuments) {
            listUnlisted();
        }
    }

    /** Complaints stored without {@code lookupKeys} (written before the look-up documents existed): list them once. */
    private void listUnlisted() {
        Query unlisted = new Query(Criteria.where("lookupKeys").exists(false));
        unlisted.fields().include("contactKey").include("category").include("subjectKey").include("receivedAt");
        int n = 0;
        for (org.bson.Document d : mongo.find(unlisted, org.bson.Document.class, mongo.getCollectionName(TriageCaseDocument.class))) {
            Object at = d.get("receivedAt");
            Instant receivedAt = at instanceof java.util.Date date ? date.toInstant() : null;
            List<String> keys = lookupKeys(d.getString("contactKey"), d.getString("category"), d.getString("subjectKey"), receivedAt);
            String number = String.valueOf(d.get("_id"));
            keys.forEach(k -> list(k, number));
            // no version change: a save racing this one writes its own keys, listed before it saved
            mongo.updateFirst(new Query(Criteria.where("_id").is(number)), new Update().set("lookupKeys", keys),
                    mongo.getCollectionName(TriageCaseDocument.class));
            n++;
        }
        if (n > 0) {
            log.info("listed {} earlier complaints in {}", n, LOOKUP);
        }
    }

    static List<String> lookupKeys(String contactKey, String category, String subjectKey, Instant receivedAt) {
        List<String> keys = new ArrayList<>(2);
        if (contactKey != null) {
            keys.add(contactKeyOf(contactKey));
        }
        if (category != null && subjectKey != null && receivedAt != null) {
            keys.add(matterKeyOf(category, subjectKey, receivedAt.atZone(ZoneOffset.UTC).toLocalDate()));
        }
        return keys;
    }

    private static String contactKeyOf(String contactKey) {
        return "c|" + contactKey;
    }

    private static String matterKeyOf(String category, String subjectKey, LocalDate utcDay) {
        return "m|" + category + "|" + subjectKey + "|" + utcDay;
    }

    private void list(String key, String number) {
        Query byKey = new Query(Criteria.where("_id").is(key));
        Update add = new Update().addToSet("numbers", number);
        try {
            mongo.upsert(byKey, add, LOOKUP);
        } catch (org.springframework.dao.DuplicateKeyException created) {
            mongo.upsert(byKey, add, LOOKUP); // another writer created the key's document first: now it exists
        }
    }

    /**
     * What the look-ups answer: of each complaint, only the fields the REPEATED and collective rules read (SPEC §8,
     * §3.6), not the whole document. A busy matter lists dozens of complaints and every classification asks twice
     * (before and after its write); reading and mapping each whole document through Spring Data was most of triage's
     * time in the look-ups (issue 7's fifth and eighth rounds).
     */
    public record Listed(String number, String contactKey, String category, String subjectKey, Instant receivedAt,
                         TriageStatus status, boolean resolved, String collectiveCaseId, List<String> signature) {
    }

    /** The stored fields {@link Listed} is made of. */
    private static final org.bson.Document LISTED_FIELDS = new org.bson.Document("contactKey", 1).append("category", 1)
            .append("subjectKey", 1).append("receivedAt", 1).append("status", 1).append("resolved", 1)
            .append("collectiveCaseId", 1).append("state.signature", 1);

    static Listed listedOf(org.bson.Document d) {
        String status = d.getString("status");
        List<String> signature = d.get("state") instanceof org.bson.Document state
                ? state.getList("signature", String.class, List.of()) : List.of();
        return new Listed(String.valueOf(d.get("_id")), d.getString("contactKey"), d.getString("category"),
                d.getString("subjectKey"), StoredValues.instant(d.get("receivedAt")),
                status == null ? null : TriageStatus.valueOf(status), Boolean.TRUE.equals(d.getBoolean("resolved")),
                d.getString("collectiveCaseId"), List.copyOf(signature));
    }

    /**
     * The complaints listed under the keys that match, in {@code order}, at most {@code limit}: the listed numbers are
     * read by {@code _id} in one round trip, only {@link #LISTED_FIELDS}, mapped here, and filtered by exactly the
     * criteria of the query (a stale listing, a complaint since reclassified, drops out).
     */
    private List<Listed> listed(Collection<String> keys, Predicate<Listed> matches, Comparator<Listed> order, int limit) {
        Set<String> numbers = new LinkedHashSet<>();
        for (org.bson.Document d : mongo.find(new Query(Criteria.where("_id").in(keys)), org.bson.Document.class, LOOKUP)) {
            numbers.addAll(d.getList("numbers", String.class, List.of()));
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<Listed> found = new ArrayList<>(numbers.size());
        mongo.execute(TriageCaseDocument.class, collection -> {
            for (org.bson.Document d : collection.find(new org.bson.Document("_id", new org.bson.Document("$in", List.copyOf(numbers))))
                    .projection(LISTED_FIELDS)) {
                found.add(listedOf(d));
            }
            return null;
        });
        return found.stream().filter(matches).sorted(order).limit(limit).toList();
    }

    /** A real MongoDB's look-up: the query (served by an index), only {@link #LISTED_FIELDS}. */
    private List<Listed> queried(Query query) {
        LISTED_FIELDS.keySet().forEach(field -> query.fields().include(field));
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(TriageCaseDocument.class)).stream()
                .map(TriageStore::listedOf).toList();
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
        if (lookupDocuments) {
            for (String key : lookupKeys(doc.contactKey, doc.category, doc.subjectKey, doc.receivedAt)) {
                if (!doc.lookupKeys.contains(key)) {
                    list(key, doc.number); // before the save: a stored complaint is always listed
                    doc.lookupKeys.add(key);
                }
            }
        }
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
    public List<Listed> unresolvedOfComplainant(String contactKey, String except, Instant since) {
        if (contactKey == null) {
            return List.of();
        }
        if (lookupDocuments) {
            return listed(List.of(contactKeyOf(contactKey)),
                    d -> contactKey.equals(d.contactKey()) && !d.number().equals(except) && d.status() == TriageStatus.TRIAGED
                            && !d.resolved() && d.receivedAt() != null && !d.receivedAt().isBefore(since),
                    Comparator.comparing(Listed::number), Integer.MAX_VALUE);
        }
        return queried(new Query(Criteria.where("contactKey").is(contactKey).and("_id").ne(except)
                .and("status").is(TriageStatus.TRIAGED).and("resolved").is(false).and("receivedAt").gte(since)));
    }

    /** Triaged complaints of the same category and subject received inside the window, latest first (SPEC §3.6). */
    public List<Listed> sameMatter(String category, String subjectKey, Instant from, Instant to, String except, int limit) {
        if (lookupDocuments) {
            if (category == null || subjectKey == null || from.isAfter(to)) {
                return List.of();
            }
            List<String> keys = new ArrayList<>();
            for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(to.atZone(ZoneOffset.UTC).toLocalDate());
                 day = day.plusDays(1)) {
                keys.add(matterKeyOf(category, subjectKey, day));
            }
            return listed(keys,
                    d -> category.equals(d.category()) && subjectKey.equals(d.subjectKey()) && d.receivedAt() != null
                            && !d.receivedAt().isBefore(from) && !d.receivedAt().isAfter(to)
                            && d.status() == TriageStatus.TRIAGED && !d.number().equals(except),
                    Comparator.comparing(Listed::receivedAt).reversed(), limit);
        }
        return queried(new Query(Criteria.where("category").is(category).and("subjectKey").is(subjectKey)
                .and("receivedAt").gte(from).lte(to).and("status").is(TriageStatus.TRIAGED).and("_id").ne(except))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit));
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
     * {@code proposedCaseId} until {@code until}, unless another case holds it still: then that case's claim is
     * returned. One atomic find-and-modify (upsert on the matter key), so two instances tripping the same matter at the
     * same moment agree on the case. The claim keeps the complaints the claimant's detector grouped
     * ({@code members}): a racer that lost it sees the holder's group before the holder's case is written (similarity
     * is not transitive, so the holder's first complaint alone can look like another matter to the racer's text).
     */
    public MatterClaim claimMatter(String category, String subjectKey, String proposedCaseId, Collection<String> members,
                                   Instant now, Instant until) {
        String key = category + "|" + subjectKey;
        Query free = new Query(Criteria.where("_id").is(key).and("until").lt(now));
        var take = new org.springframework.data.mongodb.core.query.Update().set("caseId", proposedCaseId).set("until", until)
                .set("members", List.copyOf(members));
        try {
            org.bson.Document claimed = mongo.findAndModify(free, take,
                    org.springframework.data.mongodb.core.FindAndModifyOptions.options().upsert(true).returnNew(true),
                    org.bson.Document.class, MATTERS);
            return claimed == null ? new MatterClaim(proposedCaseId, List.copyOf(members)) : MatterClaim.of(claimed);
        } catch (org.springframework.dao.DuplicateKeyException held) {
            org.bson.Document holder = mongo.findById(key, org.bson.Document.class, MATTERS);
            return holder == null ? new MatterClaim(proposedCaseId, List.copyOf(members)) : MatterClaim.of(holder);
        }
    }

    /** Who holds a matter: its case and the complaints the holder's detector grouped when it claimed it. */
    public record MatterClaim(String caseId, List<String> members) {
        static MatterClaim of(org.bson.Document d) {
            return new MatterClaim(d.getString("caseId"), d.getList("members", String.class, List.of()));
        }
    }

    static final String MATTERS = "collective_matters";

    public void addMember(String caseId, String number) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)),
                new org.springframework.data.mongodb.core.query.Update().addToSet("members", number), CollectiveCaseDocument.class);
    }
}
