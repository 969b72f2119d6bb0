package com.complaintdesk.dispatch.application;

import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.domain.organisation.AssignmentPolicy;
import com.complaintdesk.dispatch.domain.organisation.ConflictOfInterest;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Chooses a handler with the {@link AssignmentPolicy} and claims them atomically in MongoDB. When another instance
 * changed the chosen handler's workload in between, the claim fails and the choice is made again from fresh data, so
 * concurrent instances never double-assign and the least-workload rule still holds.
 */
@Component
public class Assigner {

    private final OrganisationStore organisation;
    private final AssignmentPolicy policy;
    private final DispatchProperties properties;

    public Assigner(OrganisationStore organisation, AssignmentPolicy policy, DispatchProperties properties) {
        this.organisation = organisation;
        this.policy = policy;
        this.properties = properties;
    }

    /**
     * Claims a handler of the department for the complaint, or returns empty when nobody can take it now.
     *
     * @param text      the complaint text: anyone it names is never the handler (SPEC §3.8)
     * @param preferred tried first if they can take work (e.g. the previous handler of a reopened complaint)
     */
    public Optional<Handler> claim(String complaint, String department, String skill, String text, Set<String> alsoExcluded,
                                   String preferred, Instant now) {
        return claim(complaint, department, skill, text, alsoExcluded, preferred, now, false);
    }

    /**
     * As {@link #claim}, except that a handler of the department who holds the complaint already (an earlier attempt
     * at this very event claimed them, then crashed or lost its save) is kept as they are, whatever their state now:
     * the redelivered event finishes what the first attempt started.
     */
    public Optional<Handler> keepOrClaim(String complaint, String department, String skill, String text,
                                         Set<String> alsoExcluded, String preferred, Instant now) {
        return claim(complaint, department, skill, text, alsoExcluded, preferred, now, true);
    }

    private Optional<Handler> claim(String complaint, String department, String skill, String text, Set<String> alsoExcluded,
                                    String preferred, Instant now, boolean keepHolder) {
        for (int attempt = 0; attempt < properties.assignment().maxClaimAttempts(); attempt++) {
            // the department's handlers with their workload, read afresh for every attempt (never cached)
            OrganisationStore.Roster roster = organisation.roster(department, complaint);
            if (keepHolder && attempt == 0 && !roster.holders().isEmpty()) {
                return Optional.of(roster.holders().get(0));
            }
            List<Handler> handlers = roster.handlers();
            Set<String> excluded = new HashSet<>(ConflictOfInterest.mentionedHandlers(text, handlers));
            excluded.addAll(alsoExcluded);
            // an earlier attempt (a crash, a failed save, a redelivery) already claimed someone here: that claim is the
            // assignment — claiming again would leave it behind as a phantom, and the same handler could not be claimed
            // twice anyway
            Optional<Handler> held = roster.holders().stream()
                    .filter(h -> !excluded.contains(h.id()))
                    .findFirst();
            if (held.isPresent() && held.get().available() && held.get().duty().isOnDuty(now)) {
                return held;
            }
            // a stale claim on someone who is no longer on duty: give it up and choose afresh
            held.ifPresent(h -> organisation.release(h.id(), complaint));
            Optional<Handler> choice = handlers.stream()
                    .filter(h -> h.id().equals(preferred) && !excluded.contains(h.id()) && h.canTakeWork(now))
                    .findFirst();
            if (choice.isEmpty()) {
                choice = policy.choose(handlers, skill, excluded, now);
            }
            if (choice.isEmpty()) {
                return Optional.empty();
            }
            Handler h = choice.get();
            if (organisation.claim(h.id(), complaint, h.openCases(), organisation.nextAssignmentSeq(department))) {
                return choice;
            }
            // another instance assigned to this handler meanwhile: look again after a growing, jittered pause
            long maxPauseMicros = Math.min(20_000, 500L * (attempt + 1));
            LockSupport.parkNanos(1_000L * ThreadLocalRandom.current().nextLong(100, maxPauseMicros + 1));
        }
        throw new IllegalStateException("could not claim a handler in " + department + " for " + complaint
                + " after " + properties.assignment().maxClaimAttempts() + " attempts");
    }

    public void release(String handler, String complaint) {
        organisation.release(handler, complaint);
    }
}
