package com.complaintdesk.sla.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The policy set in force: picks, for a clock and a complaint, the most specific matching policy.
 * {@code majorManagerNotice} tells which staff notice ends the MAJOR_TO_MANAGER clock.
 */
public record SlaPolicies(List<SlaPolicy> all, MajorManagerNotice majorManagerNotice) {

    public SlaPolicies {
        all = List.copyOf(all);
        majorManagerNotice = majorManagerNotice == null ? MajorManagerNotice.DEFAULT : majorManagerNotice;
    }

    public SlaPolicies(List<SlaPolicy> all) {
        this(all, MajorManagerNotice.DEFAULT);
    }

    /** Empty when no policy covers this clock for this complaint: the clock is then not kept. */
    public Optional<SlaPolicy> find(String clock, ComplaintFacts facts) {
        return all.stream()
                .filter(p -> p.clock().equals(clock) && p.matches(facts))
                .max(Comparator.comparingInt(SlaPolicy::specificity).thenComparing(SlaPolicy::id, Comparator.reverseOrder()));
    }
}
