package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.domain.ComplainantStatus;
import com.complaintdesk.intake.domain.Holder;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.intake.domain.Registration;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.mongo.RecentWrites;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Maps complaints to and from MongoDB; the complaint and its events are written in one document write. */
@Component
public class ComplaintStore implements InitializingBean {

    private static final String COLLECTION = "complaints";

    private static final Logger log = LoggerFactory.getLogger(ComplaintStore.class);

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final EventCodec codec;
    /**
     * The status part of the complaints this instance wrote last (registered, urged, given evidence, projected), so
     * the status projection skips its read for a complaint's next event ({@code intake.status-projection.recent}
     * complaints, 0: off). Complaints are never deleted and every write moves the version (the relay's outbox writes
     * do not touch the status part).
     */
    private final RecentWrites<ComplaintStatusDocument> recent;

    public ComplaintStore(MongoTemplate mongo, PersonalDataCipher cipher, EventCodec codec,
                          @Value("${intake.status-projection.recent:4096}") int recentStatuses) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.codec = codec;
        this.recent = new RecentWrites<>(recentStatuses, ComplaintStatusDocument::statusCopy,
                d -> d.getVersion() == null ? -1 : d.getVersion());
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, EvidenceDocument.class); // evidence by complaint
    }

    /**
     * The unique index on {@code idempotencyId}, before the first request: it is what makes two identical retries
     * arriving together one complaint (the second insert fails with a duplicate key and replays the first). The
     * {@code @Indexed} annotation alone creates nothing (Spring Data's index auto-creation is off), so it was missing:
     * the race was open, and on the Mongo-wire store every POST with an Idempotency-Key read the whole collection.
     */
    @Override
    public void afterPropertiesSet() {
        try {
            mongo.indexOps(ComplaintDocument.class).createIndex(new Index().on("idempotencyId", Sort.Direction.ASC)
                    .unique().named("idempotencyId_unique"));
        } catch (DuplicateKeyException | UncategorizedMongoDbException stored) {
            // data written while the index was missing holds the same id twice: keep serving, and say so
            log.error("the unique index on complaints.idempotencyId cannot be created ({}); a retried POST arriving "
                    + "together with its original may store a second complaint until the duplicates are removed", stored.toString());
        }
    }

    /** The next number of the day, from an atomic counter (safe with several intake instances). */
    public long nextSequence(LocalDate day) {
        Counter c = mongo.findAndModify(new Query(Criteria.where("_id").is("complaint-" + day)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class, "counters");
        return c.seq;
    }

    public static class Counter {
        public String id;
        public long seq;
    }

    public Optional<ComplaintDocument> findDocument(String number) {
        return Optional.ofNullable(mongo.findById(number, ComplaintDocument.class));
    }

    public Optional<ComplaintDocument> findByIdempotencyId(String idempotencyId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("idempotencyId").is(idempotencyId)), ComplaintDocument.class));
    }

    /** Inserts a new complaint with its received event; throws DuplicateKeyException on a reused idempotency id. */
    public void insert(IntakeComplaint complaint, String idempotencyId, String requestHash, EventEnvelope<?> received) {
        ComplaintDocument d = new ComplaintDocument();
        d.number = complaint.number();
        d.idempotencyId = idempotencyId;
        d.requestHash = requestHash;
        write(complaint, d);
        d.enqueue(Topics.INTAKE, received, codec);
        mongo.insert(d);
        remember(d);
    }

    /** Saves changed status fields plus any events, with optimistic locking. */
    public void update(IntakeComplaint complaint, ComplaintDocument d, List<EventEnvelope<?>> events) {
        write(complaint, d);
        for (EventEnvelope<?> e : events) {
            d.enqueue(Topics.INTAKE, e, codec);
        }
        mongo.save(d);
        remember(d);
    }

    public void save(ComplaintDocument d) {
        mongo.save(d);
        remember(d);
    }

    /**
     * The status part of a complaint (no personal data), by {@code _id} with a projection of its fields
     * ({@link ComplaintStatusMapping#PROJECTION}); read through the driver and mapped by hand: it runs for every
     * event of every other service, and Spring Data's query mapping and reflective read were most of its cost.
     */
    public Optional<ComplaintStatusDocument> findStatus(String number) {
        return Optional.ofNullable(readStatus(number));
    }

    /**
     * The status part of a complaint as this instance last wrote it, without a store round trip (a
     * guess, for a write conditioned on its version: {@link RecentWrites}), else as stored.
     *
     * @return the status and whether it is a remembered one
     */
    public Optional<Status> recentOrStoredStatus(String number) {
        Optional<ComplaintStatusDocument> remembered = recent.get(number);
        if (remembered.isPresent()) {
            return Optional.of(new Status(remembered.get(), true));
        }
        return findStatus(number).map(stored -> new Status(stored, false));
    }

    /** A status row and whether it is a remembered one rather than read from the store. */
    public record Status(ComplaintStatusDocument row, boolean remembered) {
    }

    private ComplaintStatusDocument readStatus(String number) {
        Document stored = mongo.execute(COLLECTION, c -> c.find(new Document("_id", number))
                .projection(ComplaintStatusMapping.PROJECTION).first());
        return stored == null ? null : ComplaintStatusMapping.read(stored);
    }

    /**
     * Writes the projected status, who holds the complaint and the processed event ids of {@code read} in one
     * {@code $set} conditioned on the {@code (_id, version)} it was read at, and moves the version on (so an urge's or
     * new evidence's whole save that read the older version fails and retries, as it did against a whole save). The
     * sealed personal data, the evidence, the urge count, the outbox and the relay's lease are not touched. The filter
     * and update are the driver's documents (the same command Spring Data's update mapping produced).
     *
     * The status written is remembered ({@link #recentOrStoredStatus}); a complaint found changed is forgotten.
     *
     * @return false if the complaint changed (or went) since it was read: the caller reads it again
     */
    public boolean updateStatus(ComplaintStatusDocument read, ComplainantStatus projected) {
        Document sameVersion = new Document("_id", read.number).append("version", read.getVersion());
        Document update = ComplaintStatusMapping.update(read, projected);
        if (mongo.execute(COLLECTION, c -> c.updateOne(sameVersion, update)).getMatchedCount() != 1) {
            recent.forget(read.number);
            return false;
        }
        ComplaintStatusDocument written = read.statusCopy();
        written.set(projected);
        written.setVersion(read.getVersion() == null ? 1L : read.getVersion() + 1);
        remember(written);
        return true;
    }

    private void remember(ComplaintStatusDocument stored) {
        recent.written(stored.number, stored);
    }

    public void storeEvidence(EvidenceDocument e) {
        mongo.insert(e);
    }

    public Optional<EvidenceDocument> findEvidence(String complaintNumber, String evidenceId) {
        // by _id alone (the Mongo-wire store answers only that from an index), then the owner check here
        return Optional.ofNullable(mongo.findById(evidenceId, EvidenceDocument.class))
                .filter(e -> java.util.Objects.equals(complaintNumber, e.complaintNumber));
    }

    private void write(IntakeComplaint c, ComplaintDocument d) {
        Registration r = c.registration();
        d.channel = r.channel();
        d.nameSealed = cipher.encrypt(r.name());
        d.phoneSealed = cipher.encrypt(r.phone());
        d.emailSealed = cipher.encrypt(r.email());
        d.complainantType = r.complainantType();
        d.contactKey = c.contactKey();
        d.content = r.content();
        d.subject = r.subject();
        d.eventOccurredAt = r.eventOccurredAt();
        d.receivedAt = c.receivedAt();
        d.claimedAmount = r.claimedAmount();
        d.requestedRemedies = List.copyOf(r.requestedRemedies());
        d.requestedDeadline = r.requestedDeadline();
        d.evidence = c.evidence();
        d.recordedBy = r.recordedBy();
        d.outOfHours = c.outOfHours();
        d.businessClockStartsAt = c.businessClockStartsAt();
        d.status = c.status();
        d.acceptance = c.acceptance();
        d.reason = c.reason();
        d.nextStep = c.nextStep();
        d.deadline = c.deadline();
        d.statusAt = c.statusAt();
        d.urgeCount = c.urgeCount();
        d.department = c.holder().department();
        d.confidential = c.holder().confidential();
        d.category = c.holder().category();
    }

    public IntakeComplaint toDomain(ComplaintDocument d) {
        Registration r = new Registration(d.channel, cipher.decrypt(d.nameSealed), cipher.decrypt(d.phoneSealed),
                cipher.decrypt(d.emailSealed), d.complainantType, d.content, d.subject, d.eventOccurredAt,
                d.claimedAmount, d.requestedRemedies == null ? List.of() : d.requestedRemedies, d.requestedDeadline,
                List.of(), d.recordedBy);
        return new IntakeComplaint(d.number, r, d.contactKey, d.receivedAt, d.outOfHours, d.businessClockStartsAt,
                d.evidence == null ? List.of() : d.evidence, d.status, d.acceptance, d.reason, d.nextStep, d.deadline,
                d.statusAt, d.urgeCount, new Holder(d.department, d.confidential, d.category));
    }
}
