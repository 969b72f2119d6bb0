package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.intake.domain.Registration;
import com.complaintdesk.kit.events.EventCodec;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
public class ComplaintStore {

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final EventCodec codec;

    public ComplaintStore(MongoTemplate mongo, PersonalDataCipher cipher, EventCodec codec) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.codec = codec;
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
    }

    /** Saves changed status fields plus any events, with optimistic locking. */
    public void update(IntakeComplaint complaint, ComplaintDocument d, List<EventEnvelope<?>> events) {
        write(complaint, d);
        for (EventEnvelope<?> e : events) {
            d.enqueue(Topics.INTAKE, e, codec);
        }
        mongo.save(d);
    }

    public void save(ComplaintDocument d) {
        mongo.save(d);
    }

    public void storeEvidence(EvidenceDocument e) {
        mongo.insert(e);
    }

    public Optional<EvidenceDocument> findEvidence(String complaintNumber, String evidenceId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(evidenceId)
                .and("complaintNumber").is(complaintNumber)), EvidenceDocument.class));
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
    }

    public IntakeComplaint toDomain(ComplaintDocument d) {
        Registration r = new Registration(d.channel, cipher.decrypt(d.nameSealed), cipher.decrypt(d.phoneSealed),
                cipher.decrypt(d.emailSealed), d.complainantType, d.content, d.subject, d.eventOccurredAt,
                d.claimedAmount, d.requestedRemedies == null ? List.of() : d.requestedRemedies, d.requestedDeadline,
                List.of(), d.recordedBy);
        return new IntakeComplaint(d.number, r, d.contactKey, d.receivedAt, d.outOfHours, d.businessClockStartsAt,
                d.evidence == null ? List.of() : d.evidence, d.status, d.acceptance, d.reason, d.nextStep, d.deadline,
                d.statusAt, d.urgeCount);
    }
}
