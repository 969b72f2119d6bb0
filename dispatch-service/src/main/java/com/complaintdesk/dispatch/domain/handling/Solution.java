package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.SolutionItem;

import java.time.Instant;
import java.util.List;

/** SPEC §3.9–3.10: what the department proposes, at which level of the appeal ladder, and whether on-site work is needed. */
public record Solution(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                       EscalationLevel level, String by, Instant at) {
    public Solution {
        items = items == null ? List.of() : List.copyOf(items);
        preventiveMeasures = preventiveMeasures == null ? List.of() : List.copyOf(preventiveMeasures);
    }
}
