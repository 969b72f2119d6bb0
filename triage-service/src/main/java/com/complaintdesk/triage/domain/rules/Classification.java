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
                             List<Reason> reasons, BigDecimal amount, long ruleVersion, boolean categoryGuessed) {

    /** {@code categoryGuessed}: no category word matched and the category is the statistical second opinion's. */
    public Classification(String category, Severity severity, Liability liability, Set<Flag> flags,
                          List<Reason> reasons, BigDecimal amount, long ruleVersion) {
        this(category, severity, liability, flags, reasons, amount, ruleVersion, false);
    }

    public Classification {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The category the words decided: the fallback when the category is only a guess (acceptance reads this). */
    public String wordCategory(String fallback) {
        return categoryGuessed ? fallback : category;
    }

    public List<String> reasonLines() {
        return reasons.stream().map(Reason::describe).toList();
    }

    /** The flags in declaration order, for stable output. */
    public List<Flag> sortedFlags() {
        return flags.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(flags));
    }
}
