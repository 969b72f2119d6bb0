package com.complaintdesk.dispatch.domain.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC §3.8 fair assignment: among the department's handlers who can take work now and are not complained about,
 * prefer those with the needed skill; pick the least open workload; break ties round-robin (the one who was given a
 * complaint longest ago, then by id). If nobody with the skill is on duty, anyone on duty in the department is
 * taken rather than leaving the complaint waiting; if nobody at all is, the result is empty and the complaint queues.
 */
public final class AssignmentPolicy {

    private static final Comparator<Handler> FAIREST = Comparator.comparingInt(Handler::openCases)
            .thenComparingLong(Handler::lastAssignedSeq)
            .thenComparing(Handler::id);

    public Optional<Handler> choose(Collection<Handler> departmentHandlers, String skill, Set<String> excluded, Instant now) {
        List<Handler> eligible = departmentHandlers.stream()
                .filter(h -> !excluded.contains(h.id()))
                .filter(h -> h.canTakeWork(now))
                .toList();
        Optional<Handler> skilled = eligible.stream().filter(h -> h.hasSkill(skill)).min(FAIREST);
        return skilled.isPresent() ? skilled : eligible.stream().min(FAIREST);
    }
}
