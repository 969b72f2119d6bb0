package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.SolutionItem;

import java.time.Instant;
import java.util.List;

/**
 * SPEC §3.9–3.10: what the department proposes, at which level of the appeal ladder, and whether on-site work is
 * needed. {@code explanation} is told to the complainant with the proposal; after an appeal it is the reason of the
 * re-evaluation and is required (SPEC §3.11: each decision is told with its reason).
 */
public record Solution(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                       EscalationLevel level, String by, Instant at, String explanation) {
    public Solution {
        items = items == null ? List.of() : List.copyOf(items);
        preventiveMeasures = preventiveMeasures == null ? List.of() : List.copyOf(preventiveMeasures);
        explanation = explanation == null || explanation.isBlank() ? null : explanation.trim();
    }

    public Solution(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                    EscalationLevel level, String by, Instant at) {
        this(items, onSiteWorkNeeded, preventiveMeasures, level, by, at, null);
    }
}
