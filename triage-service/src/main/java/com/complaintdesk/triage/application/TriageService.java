package com.complaintdesk.triage.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.TriageEvents.CollectiveCaseOpened;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.triage.adapters.mongo.CollectiveCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.adapters.mongo.TriageStore;
import com.complaintdesk.triage.domain.acceptance.AcceptanceDecision;
import com.complaintdesk.triage.domain.acceptance.AcceptancePolicy;
import com.complaintdesk.triage.domain.collective.CollectiveDetector;
import com.complaintdesk.triage.domain.collective.TextSimilarity;
import com.complaintdesk.triage.domain.model.IllegalTransition;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.Verdict;
import com.complaintdesk.triage.domain.rules.Classification;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.Reason;
import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The triage use cases: decide and classify received complaints, resume them when evidence arrives, apply
 * severity upgrades and lifecycle news, and the officers' decisions and corrections. Every change and its events
 * are one document write (outbox); every consumed event is applied once (processed ids on the document).
 */
@Service
public class TriageService {

    private static final Logger log = LoggerFactory.getLogger(TriageService.class);

    private final TriageStore store;
    private final RuleBook rules;
    private final CollectiveDetector detector;
    private final TriageProperties properties;
    private final EventFactory events;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final io.micrometer.core.instrument.Timer classifyTimer;

    public TriageService(TriageStore store, RuleBook rules, CollectiveDetector detector, TriageProperties properties,
                         EventFactory events, TextAnalyzer analyzer, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.classifyTimer = io.micrometer.core.instrument.Timer.builder("triage.classification")
                .description("time to decide and classify one received complaint").register(meters);
        this.store = store;
        this.rules = rules;
        this.detector = detector;
        this.properties = properties;
        this.events = events;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- consumed events

    /** SPEC §3.3 + §3.7: decide acceptance and classify; publish Accepted then Triaged (or the one decision). */
    public void onReceived(EventEnvelope<ComplaintEvent> cause, ComplaintReceived r) {
        var existing = store.find(cause.complaintId());
        if (existing.isPresent()) {
            // redelivery (or a duplicate registration event): finish what may have been left undone, change nothing else
            finishCollective(existing.get(), cause);
            return;
        }
        TriageCase.Facts facts = new TriageCase.Facts(cause.complaintId(), r.channel(),
                r.complainant() == null ? null : r.complainant().type(),
                r.complainant() == null ? null : r.complainant().contactKey(), r.subject(), r.content(),
                r.receivedAt() == null ? cause.occurredAt() : r.receivedAt(), r.eventOccurredAt(), r.outOfHours(),
                r.requestedRemedies(), r.evidence() == null ? 0 : r.evidence().size(), cny(r.claimedAmount()));
        Classifier classifier = rules.classifier();
        AcceptancePolicy acceptance = rules.acceptance();
        long started = System.nanoTime();
        AnalyzedText text = analyzer.analyze(facts.content());
        Classification classification = classifier.classify(text, complaintFacts(facts));
        classifyTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        AcceptanceDecision decision = acceptance.decide(acceptanceFacts(facts, text,
                classification.wordCategory(classifier.rules().fallbackCategory())));
        List<String> signature = TextSimilarity.signature(text, properties.text().signatureFeatures());

        Enriched enriched = decision.kind() == AcceptanceDecision.Kind.ACCEPT
                ? enrich(classifier, classification, facts, signature)
                : new Enriched(classification, null, List.of(), 0);
        TriageCase.Result result = TriageCase.receive(facts, Verdict.of(enriched.classification()), decision,
                acceptance.version(), enriched.caseId(), signature, clock.instant());

        TriageCaseDocument doc = new TriageCaseDocument();
        doc.number = facts.number();
        doc.state = result.triageCase();
        doc.pendingCollectiveMembers = new ArrayList<>(enriched.openMembers());
        doc.markProcessed(cause.eventId());
        try {
            store.write(doc, envelopes(cause, result.events(), 0));
        } catch (DuplicateKeyException raced) {
            return; // the same event on another instance, a moment earlier
        }
        log.info("complaint {} {} as {} / {} {}", facts.number(), decision.kind(), classification.category(),
                enriched.classification().severity(), enriched.classification().flags());
        meters.counter("triage.decisions", "outcome", decision.kind().name(), "category", classification.category(),
                "severity", enriched.classification().severity().name()).increment();
        finishCollective(doc, cause, enriched.distinctComplainants());
    }

    /** SPEC §3.3: evidence resumes a complaint that waits for documents. */
    public void onEvidenceAdded(EventEnvelope<ComplaintEvent> cause, EvidenceAdded e) {
        TriageCaseDocument doc = store.find(cause.complaintId()).orElse(null);
        if (doc == null || doc.alreadyProcessed(cause.eventId())) {
            return;
        }
        TriageCase c = doc.state;
        int count = Math.max(e.evidenceCount(), c.facts().evidenceCount() + 1);
        AcceptancePolicy acceptance = rules.acceptance();
        AnalyzedText text = analyzer.analyze(c.facts().content());
        TriageCase.Facts withEvidence = new TriageCase.Facts(c.facts().number(), c.facts().channel(), c.facts().complainantType(),
                c.facts().contactKey(), c.facts().subject(), c.facts().content(), c.facts().receivedAt(),
                c.facts().eventOccurredAt(), c.facts().outOfHours(), c.facts().requestedRemedies(), count, c.facts().claimedAmount());
        AcceptanceDecision recheck = acceptance.evidenceCheck(acceptanceFacts(withEvidence, text, c.current().category()));
        Enriched enriched = null;
        if (c.status() == com.complaintdesk.triage.domain.model.TriageStatus.AWAITING_DOCUMENTS
                && recheck.kind() == AcceptanceDecision.Kind.ACCEPT) {
            enriched = reassess(c, text);
        }
        List<ComplaintEvent> caused = c.evidenceAdded(count, recheck, clock.instant());
        if (enriched != null) {
            doc.pendingCollectiveMembers = new ArrayList<>(enriched.openMembers());
        }
        doc.markProcessed(cause.eventId());
        store.write(doc, envelopes(cause, caused, 0));
        if (enriched != null) {
            finishCollective(doc, cause, enriched.distinctComplainants());
        }
    }

    /** SPEC §3.5: the one-month rule — SLA asks for MAJOR; the change is published as ComplaintReclassified. */
    public void onSeverityUpgrade(EventEnvelope<ComplaintEvent> cause, SeverityUpgradeRequested u) {
        TriageCaseDocument doc = store.find(cause.complaintId()).orElse(null);
        if (doc == null || doc.alreadyProcessed(cause.eventId())) {
            return;
        }
        List<ComplaintEvent> caused;
        try {
            caused = doc.state.upgradeSeverity(u.to(), cause.producer() == null ? "sla-service" : cause.producer(),
                    u.reason(), clock.instant());
        } catch (IllegalTransition notTriaged) {
            log.info("severity upgrade for {} ignored: {}", cause.complaintId(), notTriaged.getMessage());
            caused = List.of();
        }
        doc.markProcessed(cause.eventId());
        store.write(doc, envelopes(cause, caused, 0));
    }

    /** Resolved / closed / reopened: only whether the complaint is still open matters here (REPEATED). */
    public void onLifecycle(EventEnvelope<ComplaintEvent> cause, boolean resolved, String why) {
        TriageCaseDocument doc = store.find(cause.complaintId()).orElse(null);
        if (doc == null || doc.alreadyProcessed(cause.eventId())) {
            return;
        }
        doc.state.markResolved(resolved, clock.instant(), why);
        doc.markProcessed(cause.eventId());
        store.write(doc, List.of());
    }

    // ---------------------------------------------------------------- officers

    public TriageCaseDocument get(String number) {
        return store.find(number).orElseThrow(() -> ApiException.notFound("Complaint", number));
    }

    public List<TriageCaseDocument> queue(com.complaintdesk.triage.domain.model.TriageStatus status, int limit) {
        return store.byStatus(status, limit);
    }

    /** An officer action on a freshly read complaint, read again if another writer got there first. */
    private <T> T retrying(java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "Concurrent change",
                            "The complaint changed while you were working on it; reload and try again.", Map.of());
                }
            }
        }
    }

    public TriageCaseDocument take(String number, String officer) {
        return retrying(() -> takeOnce(number, officer));
    }

    private TriageCaseDocument takeOnce(String number, String officer) {
        TriageCaseDocument doc = get(number);
        guarded(() -> {
            doc.state.take(officer, clock.instant());
            return null;
        });
        store.write(doc, List.of());
        return doc;
    }

    /** SPEC §3.4: hand an undecidable acceptance to a superior. */
    public TriageCaseDocument escalate(String number, String by, String to, String note, String correlationId) {
        return retrying(() -> escalateOnce(number, by, to, note, correlationId));
    }

    private TriageCaseDocument escalateOnce(String number, String by, String to, String note, String correlationId) {
        TriageCaseDocument doc = get(number);
        List<ComplaintEvent> caused = guarded(() -> doc.state.escalate(by, to, note, clock.instant()));
        store.write(doc, envelopes(number, caused, correlationId));
        return doc;
    }

    public TriageCaseDocument decide(String number, TriageCase.Decision decision, String by, String reasonCode,
                                     String reason, String transferTo, String correlationId) {
        return retrying(() -> decideOnce(number, decision, by, reasonCode, reason, transferTo, correlationId));
    }

    private TriageCaseDocument decideOnce(String number, TriageCase.Decision decision, String by, String reasonCode,
                                          String reason, String transferTo, String correlationId) {
        TriageCaseDocument doc = get(number);
        if (!doc.state.status().awaitsDecision()) {
            throw ApiException.illegalState("The acceptance of this complaint is already decided.", doc.state.status());
        }
        Enriched enriched = null;
        if (decision == TriageCase.Decision.ACCEPT) {
            enriched = reassess(doc.state, analyzer.analyze(doc.state.facts().content()));
            doc.pendingCollectiveMembers = new ArrayList<>(enriched.openMembers());
        }
        List<ComplaintEvent> caused = guarded(() -> doc.state.decide(decision, by, reasonCode, reason, transferTo, clock.instant()));
        store.write(doc, envelopes(number, caused, correlationId));
        if (enriched != null) {
            finishCollective(doc, events.envelope(number, caused.get(caused.size() - 1), correlationId),
                    enriched.distinctComplainants());
        }
        return doc;
    }

    /** SPEC §3.7: an officer corrects the classification; published as ComplaintReclassified. */
    public TriageCaseDocument correct(String number, Verdict corrected, String by, String reason, String correlationId) {
        return retrying(() -> correctOnce(number, corrected, by, reason, correlationId));
    }

    private TriageCaseDocument correctOnce(String number, Verdict corrected, String by, String reason, String correlationId) {
        TriageCaseDocument doc = get(number);
        List<ComplaintEvent> caused = guarded(() -> doc.state.correct(corrected, by, reason, clock.instant()));
        store.write(doc, envelopes(number, caused, correlationId));
        return doc;
    }

    /** An officer's correction with unspecified fields kept as they are; severity recomputed when flags change. */
    public Verdict corrected(TriageCase c, String category, com.complaintdesk.contracts.model.Severity severity,
                             com.complaintdesk.contracts.model.Liability liability, java.util.Set<Flag> flags, String by,
                             String reason) {
        Verdict v = c.current();
        if (v == null) {
            throw ApiException.illegalState("This complaint has no classification yet.", c.status());
        }
        Classifier classifier = rules.classifier();
        if (category != null && !classifier.rules().categoryCodes().contains(category)) {
            throw ApiException.invalid("category", "must be one of " + classifier.rules().categoryCodes());
        }
        String cat = category == null ? v.category() : category;
        java.util.Set<Flag> fl = flags == null ? v.flagSet() : flags;
        com.complaintdesk.contracts.model.Severity sev = severity;
        if (sev == null) {
            sev = flags == null && category == null ? v.severity()
                    : classifier.severityOf(cat, fl, c.facts().claimedAmount(), c.facts().complainantType());
        }
        List<String> reasons = new ArrayList<>(v.reasons());
        reasons.add("corrected by " + by + (reason == null ? "" : ": " + reason));
        return new Verdict(cat, sev, liability == null ? v.liability() : liability, fl, reasons, v.ruleVersion());
    }

    // ---------------------------------------------------------------- preview

    public Classification preview(ComplaintFacts facts) {
        return rules.classifier().classify(facts);
    }

    // ---------------------------------------------------------------- repeated + collective

    private record Enriched(Classification classification, String caseId, List<String> openMembers, int distinctComplainants) {
    }

    private Enriched reassess(TriageCase c, AnalyzedText text) {
        Classifier classifier = rules.classifier();
        Classification classification = classifier.classify(text, complaintFacts(c.facts()));
        Enriched enriched = enrich(classifier, classification, c.facts(), c.signature());
        c.reassess(Verdict.of(enriched.classification()), enriched.caseId());
        return enriched;
    }

    private Enriched enrich(Classifier classifier, Classification classification, TriageCase.Facts facts, List<String> signature) {
        Map<Flag, Reason> extra = new EnumMap<>(Flag.class);
        var repeated = properties.repeated();
        List<String> earlier = new ArrayList<>();
        for (TriageStore.Listed d : store.unresolvedOfComplainant(facts.contactKey(), facts.number(),
                facts.receivedAt().minus(repeated.lookback()))) {
            boolean sameCategory = classification.category().equals(d.category());
            boolean sameSubject = d.subjectKey() != null && !d.subjectKey().isEmpty()
                    && d.subjectKey().equals(TriageStore.subjectKey(facts.subject()));
            if (sameCategory && (sameSubject || TextSimilarity.cosine(signature, d.signature()) >= repeated.similarity())) {
                earlier.add(d.number());
            }
        }
        if (earlier.size() >= repeated.minEarlierUnresolved()) {
            // SPEC §8 REPEATED: the same complainant has 2+ unresolved complaints on the same matter
            extra.put(Flag.REPEATED, new Reason("flag", Flag.REPEATED.name(), "same-complainant-unresolved", earlier));
        }

        String subjectKey = TriageStore.subjectKey(facts.subject());
        List<CollectiveDetector.Candidate> candidates = sameMatterCandidates(classification.category(), subjectKey, facts);
        CollectiveDetector.Outcome outcome = detector.detect(
                new CollectiveDetector.Candidate(facts.number(), facts.contactKey(), signature, null), candidates);
        String caseId = null;
        List<String> open = List.of();
        int distinct = 0;
        if (outcome instanceof CollectiveDetector.Join join) {
            caseId = join.caseId();
            extra.put(Flag.COLLECTIVE, new Reason("flag", Flag.COLLECTIVE.name(), "collective-detector", List.of("joins " + caseId)));
        } else if (outcome instanceof CollectiveDetector.Open o) {
            caseId = caseFor(classification.category(), subjectKey, o, signature);
            open = o.members();
            distinct = o.distinctComplainants();
            extra.put(Flag.COLLECTIVE, new Reason("flag", Flag.COLLECTIVE.name(), "collective-detector",
                    List.of(o.distinctComplainants() + " complainants, case " + caseId)));
        }
        return new Enriched(classifier.withFlags(classification, extra, facts.complainantType()), caseId, open, distinct);
    }

    /** SPEC §3.6: the other triaged complaints of the same matter received within the window around this one. */
    private List<CollectiveDetector.Candidate> sameMatterCandidates(String category, String subjectKey, TriageCase.Facts facts) {
        var collective = properties.collective();
        return store.sameMatter(category, subjectKey, facts.receivedAt().minus(collective.window()),
                        facts.receivedAt().plus(collective.window()), facts.number(), collective.maxCandidates()).stream()
                .map(d -> new CollectiveDetector.Candidate(d.number(), d.contactKey(), d.signature(), d.collectiveCaseId()))
                .toList();
    }

    private void finishCollective(TriageCaseDocument doc, EventEnvelope<?> cause) {
        finishCollective(doc, cause, doc.pendingCollectiveMembers.size());
    }

    /**
     * SPEC §3.6: the complaint that tripped the threshold opens the case (published once) and the earlier members
     * become MAJOR + COLLECTIVE. Each write is idempotent, so a redelivery completes an interrupted run; a complaint
     * that joins an existing case is added to its member list.
     */
    private void finishCollective(TriageCaseDocument doc, EventEnvelope<?> cause, int distinctComplainants) {
        String caseId = doc.state.collectiveCaseId();
        if (caseId == null) {
            lookAgainAfterWriting(doc.number, cause);
            return;
        }
        if (doc.pendingCollectiveMembers.isEmpty()) {
            store.addMember(caseId, doc.number);
            return;
        }
        List<String> members = List.copyOf(doc.pendingCollectiveMembers);
        openCase(caseId, doc, members, distinctComplainants, cause);
        for (String member : members) {
            if (member.equals(doc.number)) {
                continue;
            }
            upgradeMember(member, caseId, cause);
        }
        TriageCaseDocument fresh = store.find(doc.number).orElse(doc);
        fresh.pendingCollectiveMembers = new ArrayList<>();
        store.write(fresh, List.of());
    }

    /** Inserts the case with its one CollectiveCaseOpened; if another instance inserted it first, adds the members. */
    private void openCase(String caseId, TriageCaseDocument trippedBy, List<String> members, int distinctComplainants,
                          EventEnvelope<?> cause) {
        if (store.collectiveCase(caseId).isPresent()) {
            members.forEach(m -> store.addMember(caseId, m));
            return;
        }
        CollectiveCaseDocument c = new CollectiveCaseDocument();
        c.id = caseId;
        c.category = trippedBy.state.current().category();
        c.subject = trippedBy.state.facts().subject();
        c.subjectKey = TriageStore.subjectKey(c.subject);
        c.trippedBy = trippedBy.number;
        c.openedAt = clock.instant();
        c.distinctComplainants = distinctComplainants;
        c.members = new ArrayList<>(members);
        var opened = new CollectiveCaseOpened(caseId, c.category, c.subject, members);
        try {
            store.insertCase(c, keyed(trippedBy.number, opened, cause, "opened:" + caseId));
        } catch (DuplicateKeyException raced) {
            members.forEach(m -> store.addMember(caseId, m));
        }
    }

    /**
     * Two complaints on the same matter classified at the same moment (two partitions, two instances) each miss the
     * other when they look before writing, so the 5th complainant would not trip the case. Each looks again after
     * its own write: whichever wrote last sees both and opens (or joins) the case; the case id is the smallest
     * member number, so racing instances name the same case and the insert lets only one publish it.
     */
    private void lookAgainAfterWriting(String number, EventEnvelope<?> cause) {
        TriageCaseDocument doc = store.find(number).orElse(null);
        if (doc == null || doc.state.status() != com.complaintdesk.triage.domain.model.TriageStatus.TRIAGED
                || doc.state.collectiveCaseId() != null) {
            return;
        }
        TriageCase.Facts facts = doc.state.facts();
        List<CollectiveDetector.Candidate> candidates = sameMatterCandidates(doc.state.current().category(),
                TriageStore.subjectKey(facts.subject()), facts);
        CollectiveDetector.Outcome outcome = detector.detect(
                new CollectiveDetector.Candidate(number, facts.contactKey(), doc.state.signature(), null), candidates);
        if (outcome instanceof CollectiveDetector.Join join) {
            store.addMember(join.caseId(), number);
            upgradeMember(number, join.caseId(), cause);
        } else if (outcome instanceof CollectiveDetector.Open open) {
            String caseId = caseFor(doc.state.current().category(), TriageStore.subjectKey(facts.subject()), open,
                    doc.state.signature());
            openCase(caseId, doc, open.members(), open.distinctComplainants(), cause);
            for (String member : open.members()) {
                upgradeMember(member, caseId, cause);
            }
        }
    }

    /**
     * The case a tripped matter belongs to: the one claimed for its category and subject (so racing instances agree),
     * unless the holder's complaints say something else — a different matter at the same place gets its own case.
     */
    private String caseFor(String category, String subjectKey, CollectiveDetector.Open open, List<String> signature) {
        var collective = properties.collective();
        TriageStore.MatterClaim claim = store.claimMatter(category, subjectKey, open.caseId(), open.members(),
                clock.instant(), clock.instant().plus(collective.window()));
        String held = claim.caseId();
        if (held.equals(open.caseId())) {
            return held;
        }
        List<String> holderMembers = new ArrayList<>(claim.members()); // the holder's group, kept with its claim
        store.collectiveCase(held).ifPresent(c -> holderMembers.addAll(c.members));
        if (holderMembers.isEmpty()) {
            holderMembers.add(held.substring("CC-".length())); // a claim made before the claim kept its group
        }
        // a complaint both detectors grouped belongs to the holder: the same matter, whatever the text of the holder's
        // members compared below (similarity is not transitive: a racer comparing its text with the holder's first
        // complaint alone, its case not written yet, opened a second case for one matter; CollectiveClaimRaceTest)
        if (holderMembers.stream().anyMatch(open.members()::contains)) {
            return held;
        }
        for (String member : holderMembers) {
            var d = store.find(member);
            // a holder not written yet (it claimed a moment ago, on another instance) is trusted: same matter
            if (d.isEmpty() || TextSimilarity.cosine(signature, d.get().state.signature()) >= collective.similarity()) {
                return held;
            }
        }
        return open.caseId();
    }

    private void upgradeMember(String member, String caseId, EventEnvelope<?> cause) {
        for (int attempt = 0; attempt < 5; attempt++) {
            TriageCaseDocument m = store.find(member).orElse(null);
            if (m == null) {
                return;
            }
            List<ComplaintEvent> caused;
            try {
                caused = m.state.joinCollective(caseId, clock.instant());
            } catch (IllegalTransition notTriaged) {
                return;
            }
            List<EventEnvelope<?>> envs = new ArrayList<>();
            for (ComplaintEvent e : caused) {
                envs.add(keyed(member, e, cause, "collective:" + caseId));
            }
            try {
                store.write(m, envs);
                return;
            } catch (org.springframework.dao.OptimisticLockingFailureException retry) {
                // the member changed meanwhile: read it again
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** An event for another complaint than the cause's, with an id derived from the cause (same id on redelivery). */
    private <E extends ComplaintEvent> EventEnvelope<E> keyed(String complaintId, E payload, EventEnvelope<?> cause, String discriminator) {
        UUID id = UUID.nameUUIDFromBytes((cause.eventId() + "/" + complaintId + "/" + discriminator).getBytes(StandardCharsets.UTF_8));
        return EventEnvelope.of(payload, complaintId, clock.instant(), cause.correlationId(), events.producer()).withEventId(id);
    }

    private List<EventEnvelope<?>> envelopes(EventEnvelope<?> cause, List<ComplaintEvent> caused, int firstOrdinal) {
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (int i = 0; i < caused.size(); i++) {
            out.add(events.causedBy(cause, caused.get(i), firstOrdinal + i));
        }
        return out;
    }

    private List<EventEnvelope<?>> envelopes(String number, List<ComplaintEvent> caused, String correlationId) {
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (ComplaintEvent e : caused) {
            out.add(events.envelope(number, e, correlationId));
        }
        return out;
    }

    private static ComplaintFacts complaintFacts(TriageCase.Facts f) {
        return new ComplaintFacts(f.content(), f.channel(), f.complainantType(), f.claimedAmount(), f.outOfHours());
    }

    private static AcceptancePolicy.Facts acceptanceFacts(TriageCase.Facts f, AnalyzedText text, String category) {
        return new AcceptancePolicy.Facts(text, category, f.complainantType(), f.channel(), f.requestedRemedies(),
                f.evidenceCount(), f.eventOccurredAt(), f.receivedAt());
    }

    /** Amounts count against the CNY thresholds only when they are in CNY (or no currency was given). */
    static BigDecimal cny(Money m) {
        if (m == null || m.amount() == null) {
            return null;
        }
        String cur = m.currency() == null ? "CNY" : m.currency().trim().toUpperCase(java.util.Locale.ROOT);
        return cur.equals("CNY") || cur.equals("RMB") || cur.isEmpty() ? m.amount() : null;
    }

    private static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalTransition e) {
            throw ApiException.illegalState(e.getMessage(), e.current());
        }
    }
}
