package com.complaintdesk.triage.domain.model;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.rules.Classification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A classification as kept on a complaint: by the rules, or as an officer corrected it. */
public record Verdict(String category, Severity severity, Liability liability, Set<Flag> flags, List<String> reasons,
                      long ruleVersion) {

    public Verdict {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Verdict of(Classification c) {
        return new Verdict(c.category(), c.severity(), c.liability(), c.flags(), c.reasonLines(), c.ruleVersion());
    }

    public Set<Flag> flagSet() {
        return flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
    }
}
