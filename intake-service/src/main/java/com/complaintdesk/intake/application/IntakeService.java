package com.complaintdesk.intake.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.intake.adapters.mongo.ComplaintDocument;
import com.complaintdesk.intake.adapters.mongo.ComplaintStatusDocument;
import com.complaintdesk.intake.adapters.mongo.ComplaintStore;
import com.complaintdesk.intake.adapters.mongo.EvidenceDocument;
import com.complaintdesk.intake.adapters.mongo.PersonalDataCipher;
import com.complaintdesk.intake.domain.ComplainantStatus;
import com.complaintdesk.intake.domain.ComplaintNumbers;
import com.complaintdesk.intake.domain.ContactVerification;
import com.complaintdesk.intake.domain.EvidencePolicy;
import com.complaintdesk.intake.domain.EvidenceUpload;
import com.complaintdesk.intake.domain.FieldError;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.intake.domain.Registration;
import com.complaintdesk.kit.audit.AuditTrail;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ProblemAdvice;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The use cases of intake: register, add evidence, show status, urge; and the status projection. */
@Service
public class IntakeService {

    private final ComplaintStore store;
    private final PersonalDataCipher cipher;
    private final BusinessCalendar calendar;
    private final EvidencePolicy evidencePolicy;
    private final EventFactory events;
    private final Clock clock;
    private final AuditTrail audit;
    private final AccessSettings access;

    public IntakeService(ComplaintStore store, PersonalDataCipher cipher, BusinessCalendar calendar,
                         EvidencePolicy evidencePolicy, EventFactory events, Clock clock, AuditTrail audit,
                         AccessSettings access) {
        this.audit = audit;
        this.access = access;
        this.store = store;
        this.cipher = cipher;
        this.calendar = calendar;
        this.evidencePolicy = evidencePolicy;
        this.events = events;
        this.clock = clock;
    }

    public record Registered(String number, String status, boolean replayed) {
    }

    /**
     * Registers a complaint. The complaint and its ComplaintReceived event are one document insert, durable
     * before the 201; the outbox relay publishes it, also if Kafka is down right now.
     *
     * @param requestHash a digest of the request body, to tell a retry from a different request under the same key
     */
    public Registered register(Registration r, String idempotencyKey, String requestHash, CallerIdentity caller,
                               String correlationId) {
        String scope = caller.channelClient() != null ? caller.channelClient() : caller.actor();
        if (idempotencyKey != null) {
            var existing = store.findByIdempotencyId(scope + ":" + idempotencyKey);
            if (existing.isPresent()) {
                return replay(existing.get(), requestHash);
            }
        }
        checkEvidence(r.evidence(), 0, "evidence");
        Instant now = clock.instant();
        String number = ComplaintNumbers.format(now.atZone(calendar.zone()).toLocalDate(),
                store.nextSequence(now.atZone(calendar.zone()).toLocalDate()));
        List<EvidenceRef> refs = new ArrayList<>();
        for (EvidenceUpload u : r.evidence()) {
            refs.add(storeEvidence(number, u, caller.actor(), now));
        }
        String contactKey = cipher.contactKey(r.phone(), r.email());
        var registered = IntakeComplaint.register(number, r, contactKey, now, calendar, refs);
        var envelope = events.envelope(number, registered.event(), correlationId);
        String idempotencyId = idempotencyKey != null ? scope + ":" + idempotencyKey : "none:" + number;
        try {
            store.insert(registered.complaint(), idempotencyId, requestHash, envelope);
        } catch (DuplicateKeyException raced) {
            // two identical retries arrived together: the first one won
            return replay(store.findByIdempotencyId(idempotencyId).orElseThrow(), requestHash);
        }
        audit.record(caller, "COMPLAINT_REGISTERED", number, Map.of("channel", r.channel().name(),
                "evidence", refs.size(), "outOfHours", registered.complaint().outOfHours()));
        return new Registered(number, registered.complaint().status().name(), false);
    }

    private Registered replay(ComplaintDocument existing, String requestHash) {
        if (!existing.requestHash.equals(requestHash)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                    "This Idempotency-Key was already used for a different complaint (" + existing.number
                            + "). Use a new key for a new complaint.", Map.of("complaintNumber", existing.number));
        }
        return new Registered(existing.number, existing.status.name(), true);
    }

    public IntakeComplaint status(String number, String verify, CallerIdentity caller) {
        return toDomain(verified(number, verify, caller));
    }

    public EvidenceRef addEvidence(String number, String verify, EvidenceUpload upload, CallerIdentity caller,
                                   String correlationId) {
        for (int attempt = 0; ; attempt++) {
            ComplaintDocument doc = verified(number, verify, caller);
            IntakeComplaint complaint = toDomain(doc);
            checkEvidence(List.of(upload), complaint.evidence().size(), "evidence");
            EvidenceRef ref = storeEvidence(number, upload, caller.actor(), clock.instant());
            try {
                var event = guarded(() -> complaint.addEvidence(ref, caller.actor()));
                store.update(complaint, doc, List.of(events.envelope(number, event, correlationId)));
                audit.record(caller, "EVIDENCE_ADDED", number, Map.of("evidenceId", ref.evidenceId(), "sizeBytes", ref.sizeBytes()));
                return ref;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    public EvidenceDocument evidence(String number, String evidenceId, CallerIdentity caller) {
        caller.require(com.complaintdesk.contracts.http.Roles.TRIAGE_OFFICER, com.complaintdesk.contracts.http.Roles.HANDLER,
                com.complaintdesk.contracts.http.Roles.DEPARTMENT_MANAGER, com.complaintdesk.contracts.http.Roles.SUPERVISOR);
        if (store.findDocument(number).filter(d -> !staffMaySee(d, caller)).isPresent()) {
            throw ApiException.notFound("Evidence", evidenceId); // as if it were not there
        }
        EvidenceDocument e = store.findEvidence(number, evidenceId).orElseThrow(() -> ApiException.notFound("Evidence", evidenceId));
        audit.record(caller, "EVIDENCE_READ", number, Map.of("evidenceId", evidenceId));
        return e;
    }

    public int urge(String number, String verify, String message, CallerIdentity caller, String correlationId) {
        for (int attempt = 0; ; attempt++) {
            ComplaintDocument doc = verified(number, verify, caller);
            IntakeComplaint complaint = toDomain(doc);
            var event = guarded(() -> complaint.urge(message));
            try {
                store.update(complaint, doc, List.of(events.envelope(number, event, correlationId)));
                audit.record(caller, "COMPLAINT_URGED", number, Map.of("urgeCount", event.urgeCount()));
                return event.urgeCount();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * Applies another service's life-cycle event to the complainant-facing status, once. Reads and writes only the
     * status part of the complaint (no personal data is unsealed or sealed again): one conditional {@code $set} when
     * something changed, on the status this instance last wrote for the complaint if it remembers it (the events of a
     * complaint come to one listener in order, so it usually does: no read), else on the stored one. A complaint
     * changed meanwhile (an urge, evidence, another instance's projection) is read again, and after four lost races
     * the record is retried by the listener's error handler. "Nothing changed" is decided on the stored status only:
     * a remembered one may be behind. An event for a complaint intake does not have is ignored.
     */
    public void project(EventEnvelope<ComplaintEvent> envelope) {
        boolean storedOnly = false;
        for (int lost = 0; ; ) {
            ComplaintStore.Status read = (storedOnly
                    ? store.findStatus(envelope.complaintId()).map(row -> new ComplaintStore.Status(row, false))
                    : store.recentOrStoredStatus(envelope.complaintId())).orElse(null);
            if (read == null || read.row().alreadyProcessed(envelope.eventId())) {
                return; // a remembered id was stored: the event was applied
            }
            ComplainantStatus projected = read.row().toDomain();
            if (!projected.apply(envelope.payload(), envelope.occurredAt())) {
                if (read.remembered()) {
                    storedOnly = true;
                    continue;
                }
                return; // nothing the complainant sees changed (an older event, another clock): no write
            }
            read.row().markProcessed(envelope.eventId());
            if (store.updateStatus(read.row(), projected)) {
                return;
            }
            storedOnly = true;
            if (read.remembered()) {
                continue; // the remembered status was behind the stored one: not a lost race
            }
            if (lost++ >= 3) {
                throw new OptimisticLockingFailureException("complaint " + envelope.complaintId()
                        + " kept changing while event " + envelope.eventId() + " was projected");
            }
        }
    }

    private ComplaintDocument verified(String number, String verify, CallerIdentity caller) {
        if (!ComplaintNumbers.isWellFormed(number)) {
            throw ApiException.notFound("Complaint", number);
        }
        ComplaintDocument doc = store.findDocument(number).orElseThrow(() -> ApiException.notFound("Complaint", number));
        if (caller.isStaff()) {
            if (!staffMaySee(doc, caller)) {
                throw ApiException.notFound("Complaint", number);
            }
            return doc;
        }
        if (!ContactVerification.matches(verify, cipher.decrypt(doc.phoneSealed), cipher.decrypt(doc.emailSealed))) {
            // the same answer as for an unknown number: a wrong guess learns nothing
            throw ApiException.notFound("Complaint", number + " with this verification");
        }
        return doc;
    }

    /**
     * The read rule every service shares (README "Who sees what", SPEC §3.20, §7): an employee's or a workplace
     * complaint, or one dispatch marked confidential, is HR's — to other staff, ADMIN, the supervisor and the desk
     * included, it does not exist; a handler or department manager reads only their department's complaints, once
     * dispatch has given it one (intake learns the department from the dispatch events it projects).
     */
    private boolean staffMaySee(ComplaintDocument doc, CallerIdentity caller) {
        String type = doc.complainantType == null ? null : doc.complainantType.name();
        boolean confidential = doc.confidential || access.isConfidential(doc.category, type);
        if (doc.department == null && doc.status != null && doc.status.compareTo(ComplaintStatus.DISPATCHED) >= 0) {
            // dispatched before intake kept the department: it is not known here, so only HR's complaints are hidden
            return !confidential || access.isHr(caller);
        }
        return access.scopeOf(caller).permits(doc.department, confidential);
    }

    private IntakeComplaint toDomain(ComplaintDocument doc) {
        return store.toDomain(doc);
    }

    private void checkEvidence(List<EvidenceUpload> uploads, int already, String field) {
        List<FieldError> errors = evidencePolicy.check(uploads, already, field);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The evidence is not acceptable.",
                    Map.of("type", ProblemAdvice.INVALID.toString(), "errors",
                            errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList()));
        }
    }

    private EvidenceRef storeEvidence(String number, EvidenceUpload u, String by, Instant now) {
        EvidenceDocument d = new EvidenceDocument();
        d.id = "E-" + UUID.randomUUID();
        d.complaintNumber = number;
        d.name = u.name();
        d.contentType = u.contentType();
        d.sizeBytes = u.content().length;
        d.sha256 = sha256(u.content());
        d.content = u.content();
        d.storedAt = now;
        d.storedBy = by;
        store.storeEvidence(d);
        return new EvidenceRef(d.id, d.name, d.contentType, d.sizeBytes);
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IntakeComplaint.IllegalTransition e) {
            throw ApiException.illegalState(e.getMessage(), e.current());
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
