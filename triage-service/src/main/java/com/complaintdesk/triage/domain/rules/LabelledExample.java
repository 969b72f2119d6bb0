package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;

import java.util.Set;

/** A complaint with the classification a person gave it: the dev set, or an officer's correction. */
public record LabelledExample(String id, String source, ComplaintFacts facts, String category, Severity severity,
                              Set<Flag> flags) {
    public LabelledExample {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
