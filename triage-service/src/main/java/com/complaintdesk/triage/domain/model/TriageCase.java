package com.complaintdesk.triage.domain.model;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.TriageEvents.AcceptanceEscalated;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintRejected;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTransferred;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.acceptance.AcceptanceDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One complaint in triage (SPEC §3.3–3.7): its facts, the acceptance decision, and the classification by the rules
 * and as corrected. Each action checks the status, changes the state and returns the events it causes, in the
 * order they must be published. Plain Java; the adapters persist it and publish the events through the outbox.
 */
public class TriageCase {

    /** The facts of a received complaint that triage keeps. */
    public record Facts(String number, Channel channel, ComplainantType complainantType, String contactKey,
                        String subject, String content, Instant receivedAt, Instant eventOccurredAt,
                        boolean outOfHours, List<RemedyKind> requestedRemedies, int evidenceCount,
                        BigDecimal claimedAmount) {
        public Facts {
            // a null entry (a sloppy channel) must not stop the complaint: List.copyOf refuses nulls
            requestedRemedies = requestedRemedies == null ? List.of()
                    : requestedRemedies.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    public record HistoryEntry(Instant at, String by, String action, String note) {
    }

    /** {@code reasonZh} / {@code reasonEn}: the rules' reason in each language (an officer's reason is in {@code reason}). */
    public record AcceptanceRecord(String outcome, String reasonCode, String reason, String transferTo,
                                   List<String> missingDocuments, String decidedBy, String rule, long scopeVersion,
                                   String reasonZh, String reasonEn) {
        public AcceptanceRecord(String outcome, String reasonCode, String reason, String transferTo,
                                List<String> missingDocuments, String decidedBy, String rule, long scopeVersion) {
            this(outcome, reasonCode, reason, transferTo, missingDocuments, decidedBy, rule, scopeVersion, null, null);
        }
    }

    private Facts facts;
    private TriageStatus status;
    private Verdict automatic;
    private Verdict current;
    private AcceptanceRecord acceptance;
    private String escalatedTo;
    private String escalatedBy;
    private String assignedOfficer;
    private String collectiveCaseId;
    private boolean resolved;
    private boolean corrected;
    private List<String> signature = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();

    /** For the persistence mapping only. */
    public TriageCase() {
    }

    /**
     * A received complaint with the rules' classification and acceptance decision. Accepted → ComplaintAccepted then
     * ComplaintTriaged; otherwise the one decision event (none while it waits for an officer).
     */
    public static Result receive(Facts facts, Verdict verdict, AcceptanceDecision decision, long scopeVersion,
                                 String collectiveCaseId, List<String> signature, Instant now) {
        TriageCase c = new TriageCase();
        c.facts = facts;
        c.automatic = verdict;
        c.current = verdict;
        c.collectiveCaseId = collectiveCaseId;
        c.signature = new ArrayList<>(signature);
        c.acceptance = new AcceptanceRecord(decision.kind().name(), decision.reasonCode(), decision.reason(),
                decision.transferTo(), decision.missingDocuments(), "rules", decision.rule(), scopeVersion,
                decision.reasonZh(), decision.reasonEn());
        List<ComplaintEvent> events = new ArrayList<>();
        switch (decision.kind()) {
            case ACCEPT -> events.addAll(c.accept("rules", "accepted by the acceptance scope (" + decision.rule() + ")"));
            case REJECT -> {
                c.status = TriageStatus.REJECTED;
                events.add(new ComplaintRejected(decision.reasonCode(), decision.reason(), "rules"));
            }
            case TRANSFER -> {
                c.status = TriageStatus.TRANSFERRED;
                events.add(new ComplaintTransferred(decision.transferTo(), decision.reason(), "rules"));
            }
            case AWAIT_DOCUMENTS -> {
                c.status = TriageStatus.AWAITING_DOCUMENTS;
                events.add(new AwaitingDocuments(decision.missingDocuments(), decision.reason()));
            }
            case REVIEW -> c.status = TriageStatus.PENDING_REVIEW;
        }
        c.history.add(new HistoryEntry(now, "rules", "received", decision.kind() + " by " + decision.rule()));
        return new Result(c, events);
    }

    public record Result(TriageCase triageCase, List<ComplaintEvent> events) {
    }

    private List<ComplaintEvent> accept(String by, String note) {
        status = TriageStatus.TRIAGED;
        return List.of(new ComplaintAccepted(by, note),
                new ComplaintTriaged(current.category(), current.severity(), current.liability(), current.flagSet(),
                        current.reasons(), collectiveCaseId, facts.subject()));
    }

    /**
     * Before a waiting complaint is accepted the rules look at it again (the rules, the complainant's history and
     * other complaints may have changed meanwhile).
     */
    public void reassess(Verdict verdict, String collectiveCaseId) {
        if (!status.awaitsDecision()) {
            throw new IllegalTransition("Only a complaint waiting for its acceptance decision is reassessed.", status);
        }
        this.automatic = verdict;
        this.current = verdict;
        this.collectiveCaseId = collectiveCaseId;
    }

    /** Evidence arrived (SPEC §3.3): a complaint waiting for documents is checked again. */
    public List<ComplaintEvent> evidenceAdded(int evidenceCount, AcceptanceDecision recheck, Instant now) {
        facts = new Facts(facts.number(), facts.channel(), facts.complainantType(), facts.contactKey(), facts.subject(),
                facts.content(), facts.receivedAt(), facts.eventOccurredAt(), facts.outOfHours(),
                facts.requestedRemedies(), evidenceCount, facts.claimedAmount());
        if (status != TriageStatus.AWAITING_DOCUMENTS || recheck.kind() != AcceptanceDecision.Kind.ACCEPT) {
            return List.of();
        }
        history.add(new HistoryEntry(now, "rules", "evidence-added", "documents supplied, accepted"));
        acceptance = new AcceptanceRecord("ACCEPT", null, null, null, List.of(), "rules", "evidence-supplied",
                acceptance.scopeVersion());
        return accept("rules", "accepted after the evidence was supplied");
    }

    /** An officer takes a complaint that waits for a decision, so colleagues see it is being looked at. */
    public void take(String officer, Instant now) {
        if (!status.awaitsDecision()) {
            throw new IllegalTransition("Only a complaint waiting for an acceptance decision can be taken.", status);
        }
        if (assignedOfficer != null && !assignedOfficer.equals(officer) && status != TriageStatus.ESCALATED) {
            throw new IllegalTransition("Already taken by " + assignedOfficer + ".", status);
        }
        assignedOfficer = officer;
        history.add(new HistoryEntry(now, officer, "taken", null));
    }

    /** SPEC §3.4: an officer hands an undecidable acceptance to a superior. */
    public List<ComplaintEvent> escalate(String by, String to, String note, Instant now) {
        if (status != TriageStatus.PENDING_REVIEW && status != TriageStatus.AWAITING_DOCUMENTS) {
            throw new IllegalTransition("Only a complaint waiting for an acceptance decision can be escalated.", status);
        }
        status = TriageStatus.ESCALATED;
        escalatedBy = by;
        escalatedTo = to;
        history.add(new HistoryEntry(now, by, "escalated", "to " + to + (note == null ? "" : ": " + note)));
        return List.of(new AcceptanceEscalated(by, to, note));
    }

    public enum Decision { ACCEPT, REJECT, TRANSFER }

    /** An officer (or, once escalated, the superior) decides the acceptance. */
    public List<ComplaintEvent> decide(Decision decision, String by, String reasonCode, String reason, String transferTo,
                                       Instant now) {
        if (!status.awaitsDecision()) {
            throw new IllegalTransition("The acceptance of this complaint is already decided.", status);
        }
        acceptance = new AcceptanceRecord(decision.name(), reasonCode, reason, transferTo, List.of(), by, "officer",
                acceptance == null ? 0 : acceptance.scopeVersion());
        history.add(new HistoryEntry(now, by, "decided", decision + (reason == null ? "" : ": " + reason)));
        return switch (decision) {
            case ACCEPT -> accept(by, reason == null ? "accepted by " + by : reason);
            case REJECT -> {
                status = TriageStatus.REJECTED;
                yield List.of(new ComplaintRejected(reasonCode, reason, by));
            }
            case TRANSFER -> {
                status = TriageStatus.TRANSFERRED;
                yield List.of(new ComplaintTransferred(transferTo, reason, by));
            }
        };
    }

    /** An officer's correction of a triaged complaint (SPEC §3.7); the rules' verdict is kept for the accuracy figures. */
    public List<ComplaintEvent> correct(Verdict corrected, String by, String reason, Instant now) {
        requireTriaged("corrected");
        this.current = corrected;
        this.corrected = true;
        history.add(new HistoryEntry(now, by, "corrected", reason));
        return List.of(reclassified(by, reason));
    }

    /** SPEC §3.5: a liable complaint unresolved after one month becomes MAJOR. Nothing when it already is. */
    public List<ComplaintEvent> upgradeSeverity(Severity to, String by, String reason, Instant now) {
        requireTriaged("upgraded");
        if (current.severity().atLeast(to)) {
            return List.of();
        }
        current = new Verdict(current.category(), to, current.liability(), current.flags(),
                append(current.reasons(), "severity " + to + " by rule " + by + ": " + reason), current.ruleVersion());
        history.add(new HistoryEntry(now, by, "severity-upgraded", reason));
        return List.of(reclassified(by, reason));
    }

    /** SPEC §3.6: a member of a collective case is MAJOR and flagged COLLECTIVE. Nothing when it already is. */
    public List<ComplaintEvent> joinCollective(String caseId, Instant now) {
        requireTriaged("linked to a collective case");
        if (caseId.equals(collectiveCaseId) && current.flags().contains(Flag.COLLECTIVE)) {
            return List.of();
        }
        collectiveCaseId = caseId;
        Set<Flag> flags = current.flagSet();
        flags.add(Flag.COLLECTIVE);
        String why = "member of collective case " + caseId;
        current = new Verdict(current.category(), Severity.MAJOR, current.liability(), flags,
                append(current.reasons(), "flag COLLECTIVE by rule collective-detector: " + why), current.ruleVersion());
        history.add(new HistoryEntry(now, "collective-detector", "collective", why));
        return List.of(reclassified("collective-detector", why));
    }

    public void markResolved(boolean resolved, Instant now, String why) {
        this.resolved = resolved;
        history.add(new HistoryEntry(now, "lifecycle", resolved ? "resolved" : "reopened", why));
    }

    private ComplaintReclassified reclassified(String by, String reason) {
        return new ComplaintReclassified(current.category(), current.severity(), current.liability(), current.flagSet(), by, reason);
    }

    private void requireTriaged(String what) {
        if (status != TriageStatus.TRIAGED) {
            throw new IllegalTransition("Only a triaged complaint can be " + what + ".", status);
        }
    }

    private static List<String> append(List<String> list, String line) {
        List<String> out = new ArrayList<>(list);
        out.add(line);
        return out;
    }

    public Facts facts() {
        return facts;
    }

    public String number() {
        return facts.number();
    }

    public TriageStatus status() {
        return status;
    }

    public Verdict automatic() {
        return automatic;
    }

    public Verdict current() {
        return current;
    }

    public AcceptanceRecord acceptance() {
        return acceptance;
    }

    public String escalatedTo() {
        return escalatedTo;
    }

    public String escalatedBy() {
        return escalatedBy;
    }

    public String assignedOfficer() {
        return assignedOfficer;
    }

    public String collectiveCaseId() {
        return collectiveCaseId;
    }

    public boolean resolved() {
        return resolved;
    }

    public boolean corrected() {
        return corrected;
    }

    public List<String> signature() {
        return List.copyOf(signature);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public boolean flagged(Flag f) {
        return current != null && current.flags().contains(f);
    }
}
