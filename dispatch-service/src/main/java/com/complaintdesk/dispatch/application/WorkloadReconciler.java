package com.complaintdesk.dispatch.application;

import com.complaintdesk.dispatch.adapters.mongo.CaseStore;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps handler workloads equal to the complaints really assigned to them. A claim and the case write are two
 * single-document writes (no multi-document transactions on the common MongoDB subset); a process killed between them
 * leaves a phantom open complaint on the handler (or, after a move, on the previous handler), which would make the
 * least-workload rule skip them for ever. Each pass compares every handler's {@code openCases} with the open cases
 * that name them and repairs an entry that was wrong on two passes at least {@code grace} apart — an assignment
 * in flight (claimed, case not yet saved) lasts milliseconds, so it is never mistaken for a phantom. Each repair is
 * one guarded atomic update and re-reads the case first, so several instances may run it at the same time.
 */
@Component
public class WorkloadReconciler {

    private static final Logger log = LoggerFactory.getLogger(WorkloadReconciler.class);

    /** What one pass did. */
    public record Repairs(int phantomsRemoved, int missingAdded) {
    }

    private final OrganisationStore organisation;
    private final CaseStore cases;
    private final Clock clock;
    private final Duration grace;
    private final Counter phantomsRemoved;
    private final Counter missingAdded;
    /** entry ("P|handler|complaint" or "M|handler|complaint") → when it was first seen wrong */
    private final Map<String, Instant> suspects = new HashMap<>();

    public WorkloadReconciler(OrganisationStore organisation, CaseStore cases, Clock clock, DispatchProperties properties,
                              MeterRegistry meters) {
        this.organisation = organisation;
        this.cases = cases;
        this.clock = clock;
        this.grace = properties.workload().grace();
        this.phantomsRemoved = Counter.builder("dispatch.workload.repairs").tag("kind", "phantom-removed")
                .description("open complaints taken off a handler's workload because no open case names them").register(meters);
        this.missingAdded = Counter.builder("dispatch.workload.repairs").tag("kind", "missing-added")
                .description("open complaints put back on the workload of the handler their case names").register(meters);
    }

    /** One pass over every handler: repairs what was already wrong {@code grace} ago and is still wrong now. */
    public synchronized Repairs reconcile() {
        return pass(organisation.workloads(), grace);
    }

    /** Repairs one handler at once, without the grace period (the administrator's explicit recount). */
    public synchronized Repairs recountNow(String handlerId) {
        List<String> held = organisation.workloads().getOrDefault(handlerId, List.of());
        return repair(handlerId, new HashSet<>(held), cases.openAssignments().getOrDefault(handlerId, Set.of()),
                null, Duration.ZERO);
    }

    private Repairs pass(Map<String, List<String>> workloads, Duration needed) {
        Map<String, Set<String>> truth = cases.openAssignments();
        Set<String> seenNow = new HashSet<>();
        int removed = 0;
        int added = 0;
        for (var e : workloads.entrySet()) {
            Repairs r = repair(e.getKey(), new HashSet<>(e.getValue()), truth.getOrDefault(e.getKey(), Set.of()), seenNow, needed);
            removed += r.phantomsRemoved();
            added += r.missingAdded();
        }
        suspects.keySet().retainAll(seenNow);
        if (removed + added > 0) {
            log.warn("workloads repaired: {} phantom claim(s) removed, {} missing claim(s) added", removed, added);
        }
        return new Repairs(removed, added);
    }

    private Repairs repair(String handler, Set<String> held, Set<String> assigned, Set<String> seenNow, Duration needed) {
        Instant now = clock.instant();
        int removed = 0;
        int added = 0;
        for (String complaint : held) {
            if (!assigned.contains(complaint) && due("P|" + handler + "|" + complaint, now, seenNow, needed)
                    && !assignedTo(complaint, handler) && organisation.removeFromWorkload(handler, complaint)) {
                removed++;
            }
        }
        for (String complaint : assigned) {
            if (!held.contains(complaint) && due("M|" + handler + "|" + complaint, now, seenNow, needed)
                    && assignedTo(complaint, handler) && organisation.addToWorkload(handler, complaint)) {
                added++;
            }
        }
        phantomsRemoved.increment(removed);
        missingAdded.increment(added);
        return new Repairs(removed, added);
    }

    /** True when the entry has been wrong for at least {@code needed}; remembers it otherwise. */
    private boolean due(String key, Instant now, Set<String> seenNow, Duration needed) {
        if (needed.isZero()) {
            return true;
        }
        seenNow.add(key);
        Instant first = suspects.putIfAbsent(key, now);
        return first != null && !first.plus(needed).isAfter(now);
    }

    /** Re-read just before a repair: the case is open and names this handler. */
    private boolean assignedTo(String complaint, String handler) {
        return cases.find(complaint).map(d -> d.handling)
                .filter(c -> c.status() != null && c.status().isOpen() && handler.equals(c.handler()))
                .isPresent();
    }
}
