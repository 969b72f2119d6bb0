package com.complaintdesk.triage.domain;

import com.complaintdesk.contracts.events.TriageEvents.AcceptanceEscalated;
import com.complaintdesk.contracts.events.TriageEvents.AwaitingDocuments;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTransferred;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.acceptance.AcceptanceDecision;
import com.complaintdesk.triage.domain.model.IllegalTransition;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.triage.domain.model.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The triage state machine and the events each step causes. */
class TriageCaseTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final Verdict GENERAL = new Verdict("FACILITY_ENVIRONMENT", Severity.GENERAL, Liability.LIABLE, Set.of(), List.of("r"), 1);

    static TriageCase.Facts facts() {
        return new TriageCase.Facts("C-20261128-000001", Channel.PHONE, ComplainantType.CONSUMER, "k1", "B1", "灯坏了",
                NOW, NOW, false, List.of(RemedyKind.REFUND), 0, null);
    }

    static TriageCase.Result receive(AcceptanceDecision d) {
        return TriageCase.receive(facts(), GENERAL, d, 1, null, List.of(), NOW);
    }

    static AcceptanceDecision decision(AcceptanceDecision.Kind kind) {
        return new AcceptanceDecision(kind, "CODE", "reason", "police", List.of("receipt"), "rule", List.of());
    }

    @Test
    void accepted_publishes_accepted_then_triaged() {
        var r = receive(AcceptanceDecision.accept("in-scope"));
        assertThat(r.events()).hasSize(2);
        assertThat(r.events().get(0)).isInstanceOf(ComplaintAccepted.class);
        assertThat(r.events().get(1)).isInstanceOf(ComplaintTriaged.class);
        assertThat(r.triageCase().status()).isEqualTo(TriageStatus.TRIAGED);
    }

    @Test
    void waiting_for_documents_then_evidence_accepts_and_triages() {
        TriageCase c = receive(decision(AcceptanceDecision.Kind.AWAIT_DOCUMENTS)).triageCase();
        assertThat(c.status()).isEqualTo(TriageStatus.AWAITING_DOCUMENTS);

        var caused = c.evidenceAdded(1, AcceptanceDecision.accept("evidence"), NOW);

        assertThat(caused).hasSize(2).first().isInstanceOf(ComplaintAccepted.class);
        assertThat(c.status()).isEqualTo(TriageStatus.TRIAGED);
        assertThat(c.evidenceAdded(2, AcceptanceDecision.accept("evidence"), NOW)).isEmpty();
    }

    @Test
    void a_review_waits_silently_and_can_be_escalated_then_decided_once() {
        var r = receive(decision(AcceptanceDecision.Kind.REVIEW));
        assertThat(r.events()).isEmpty();
        TriageCase c = r.triageCase();

        assertThat(c.escalate("officer-1", "supervisor-1", "unsure", NOW)).singleElement().isInstanceOf(AcceptanceEscalated.class);
        var decided = c.decide(TriageCase.Decision.TRANSFER, "supervisor-1", "X", "to the police", "公安机关", NOW);
        assertThat(decided).singleElement().isInstanceOf(ComplaintTransferred.class);
        assertThat(c.status()).isEqualTo(TriageStatus.TRANSFERRED);

        assertThatThrownBy(() -> c.decide(TriageCase.Decision.ACCEPT, "supervisor-1", null, null, null, NOW))
                .isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).current()).isEqualTo(TriageStatus.TRANSFERRED));
    }

    @Test
    void a_triaged_complaint_is_upgraded_once_and_joins_a_collective_case_once() {
        TriageCase c = receive(AcceptanceDecision.accept("in-scope")).triageCase();

        var up = c.upgradeSeverity(Severity.MAJOR, "sla-service", "one month", NOW);
        assertThat(up).singleElement().isInstanceOf(ComplaintReclassified.class);
        assertThat(c.upgradeSeverity(Severity.MAJOR, "sla-service", "one month", NOW)).isEmpty();

        var joined = c.joinCollective("CC-1", NOW);
        assertThat(((ComplaintReclassified) joined.get(0)).flags()).contains(Flag.COLLECTIVE);
        assertThat(c.joinCollective("CC-1", NOW)).isEmpty();
        assertThat(c.collectiveCaseId()).isEqualTo("CC-1");
    }

    @Test
    void a_correction_keeps_what_the_rules_said() {
        TriageCase c = receive(AcceptanceDecision.accept("in-scope")).triageCase();
        Verdict corrected = new Verdict("SAFETY_INJURY", Severity.IMPORTANT, Liability.LIABLE, Set.of(), List.of(), 1);

        var caused = c.correct(corrected, "officer-1", "a hazard", NOW);

        assertThat(((ComplaintReclassified) caused.get(0)).category()).isEqualTo("SAFETY_INJURY");
        assertThat(c.automatic().category()).isEqualTo("FACILITY_ENVIRONMENT");
        assertThat(c.corrected()).isTrue();
    }

    @Test
    void a_rejected_complaint_cannot_be_corrected_or_escalated() {
        TriageCase c = receive(decision(AcceptanceDecision.Kind.REJECT)).triageCase();
        assertThatThrownBy(() -> c.correct(GENERAL, "o", "x", NOW)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.escalate("o", "s", "x", NOW)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void awaiting_documents_names_what_is_missing() {
        var r = receive(decision(AcceptanceDecision.Kind.AWAIT_DOCUMENTS));
        assertThat(((AwaitingDocuments) r.events().get(0)).missingDocuments()).containsExactly("receipt");
    }
}
