package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the rules decided for one complaint, each field with its reasons. */
public record Classification(String category, Severity severity, Liability liability, Set<Flag> flags,
                             List<Reason> reasons, BigDecimal amount, long ruleVersion) {

    public Classification {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public List<String> reasonLines() {
        return reasons.stream().map(Reason::describe).toList();
    }

    /** The flags in declaration order, for stable output. */
    public List<Flag> sortedFlags() {
        return flags.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(flags));
    }
}
