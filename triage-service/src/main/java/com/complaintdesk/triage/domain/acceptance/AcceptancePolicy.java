package com.complaintdesk.triage.domain.acceptance;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.triage.domain.rules.TermIndex;
import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides accept / reject / transfer / await documents / officer review for one complaint against one version of
 * the {@link AcceptanceScope} (SPEC §3.3). Order: empty text, too old, the scope rules (first match), evidence, accept.
 */
public final class AcceptancePolicy {

    private final AcceptanceScope scope;
    private final long version;
    private final TermIndex index;

    public AcceptancePolicy(AcceptanceScope scope, long version, TextAnalyzer analyzer) {
        var problems = scope.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("acceptance scope has problems: " + problems);
        }
        this.scope = scope;
        this.version = version;
        this.index = new TermIndex(scope.allTerms(), analyzer);
    }

    public AcceptanceScope scope() {
        return scope;
    }

    public long version() {
        return version;
    }

    public record Facts(AnalyzedText text, String category, ComplainantType complainantType, Channel channel,
                        List<RemedyKind> requestedRemedies, int evidenceCount, Instant eventOccurredAt,
                        Instant receivedAt) {
    }

    public AcceptanceDecision decide(Facts f) {
        if (f.text().isEmpty()) {
            AcceptanceScope.Reason r = scope.emptyContent();
            return new AcceptanceDecision(AcceptanceDecision.Kind.REJECT, r, null, List.of(), "empty-content", List.of());
        }
        if (scope.maxEventAgeDays() != null && f.eventOccurredAt() != null && f.receivedAt() != null
                && Duration.between(f.eventOccurredAt(), f.receivedAt()).toDays() > scope.maxEventAgeDays()) {
            AcceptanceScope.Reason r = scope.eventTooOld();
            return new AcceptanceDecision(AcceptanceDecision.Kind.REJECT, r, null, List.of(), "event-too-old",
                    List.of("older than " + scope.maxEventAgeDays() + " days"));
        }
        Map<String, List<TermIndex.Span>> hits = index.find(f.text());
        for (AcceptanceScope.ScopeRule rule : scope.rules()) {
            if (!rule.categories().isEmpty() && !rule.categories().contains(f.category())) {
                continue;
            }
            // immutable lists refuse contains(null): a complaint without a type or channel is simply not matched
            if (!rule.complainantTypes().isEmpty() && (f.complainantType() == null || !rule.complainantTypes().contains(f.complainantType()))) {
                continue;
            }
            if (!rule.channels().isEmpty() && (f.channel() == null || !rule.channels().contains(f.channel()))) {
                continue;
            }
            List<String> words = new ArrayList<>();
            rule.terms().stream().filter(hits::containsKey).forEach(words::add);
            if (!rule.terms().isEmpty() && words.isEmpty()) {
                continue;
            }
            AcceptanceDecision.Kind kind = switch (rule.outcome()) {
                case REJECT -> AcceptanceDecision.Kind.REJECT;
                case TRANSFER -> AcceptanceDecision.Kind.TRANSFER;
                case REVIEW -> AcceptanceDecision.Kind.REVIEW;
            };
            return new AcceptanceDecision(kind, rule.reason(), rule.transferTo(), List.of(),
                    rule.id(), words);
        }
        return evidenceCheck(f);
    }

    /** SPEC §3.3: refund, exchange and compensation requests wait for evidence. Also used when evidence arrives. */
    public AcceptanceDecision evidenceCheck(Facts f) {
        AcceptanceScope.EvidenceRule e = scope.evidence();
        boolean applies = e.complainantTypes().isEmpty()
                || (f.complainantType() != null && e.complainantTypes().contains(f.complainantType()));
        List<String> needing = f.requestedRemedies() == null ? List.of()
                : f.requestedRemedies().stream().filter(java.util.Objects::nonNull).filter(e.remedies()::contains).map(Enum::name).distinct().toList();
        if (applies && !needing.isEmpty() && f.evidenceCount() == 0) {
            AcceptanceScope.Reason r = e.reason() == null
                    ? new AcceptanceScope.Reason("EVIDENCE_MISSING", "退换货、退款或赔偿需要凭证。", "Refunds, exchanges and compensation need evidence.")
                    : e.reason();
            return new AcceptanceDecision(AcceptanceDecision.Kind.AWAIT_DOCUMENTS, r, null,
                    e.missingDocuments(), "evidence-required", needing);
        }
        return AcceptanceDecision.accept("in-scope");
    }
}
