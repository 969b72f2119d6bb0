package com.complaintdesk.triage.domain.acceptance;

import java.util.List;

/** The outcome of the acceptance check (SPEC §3.3) with its reason and the rule that decided it. */
public record AcceptanceDecision(Kind kind, String reasonCode, String reason, String transferTo,
                                 List<String> missingDocuments, String rule, List<String> words) {

    public enum Kind { ACCEPT, REJECT, TRANSFER, AWAIT_DOCUMENTS, REVIEW }

    public AcceptanceDecision {
        missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static AcceptanceDecision accept(String rule) {
        return new AcceptanceDecision(Kind.ACCEPT, null, null, null, List.of(), rule, List.of());
    }
}
