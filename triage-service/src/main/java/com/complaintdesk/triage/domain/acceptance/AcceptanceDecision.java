package com.complaintdesk.triage.domain.acceptance;

import java.util.List;

/**
 * The outcome of the acceptance check (SPEC §3.3) with its reason and the rule that decided it. {@code reason} is
 * "中文 / English" as the complainant is shown it; {@code reasonZh} and {@code reasonEn} are the two languages apart,
 * for a front end that shows one.
 */
public record AcceptanceDecision(Kind kind, String reasonCode, String reason, String transferTo,
                                 List<String> missingDocuments, String rule, List<String> words,
                                 String reasonZh, String reasonEn) {

    public AcceptanceDecision(Kind kind, String reasonCode, String reason, String transferTo, List<String> missingDocuments,
                              String rule, List<String> words) {
        this(kind, reasonCode, reason, transferTo, missingDocuments, rule, words, null, null);
    }

    public AcceptanceDecision(Kind kind, AcceptanceScope.Reason reason, String transferTo, List<String> missingDocuments,
                              String rule, List<String> words) {
        this(kind, reason.code(), reason.text(), transferTo, missingDocuments, rule, words, reason.zh(), reason.en());
    }

    public enum Kind { ACCEPT, REJECT, TRANSFER, AWAIT_DOCUMENTS, REVIEW }

    public AcceptanceDecision {
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static AcceptanceDecision accept(String rule) {
        return new AcceptanceDecision(Kind.ACCEPT, null, null, null, List.of(), rule, List.of(), null, null);
    }
}
