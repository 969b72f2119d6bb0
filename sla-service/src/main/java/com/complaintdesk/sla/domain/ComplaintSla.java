package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.IntakeEvents;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintdesk.contracts.events.SlaClocks.ACCEPTANCE_DECISION;
import static com.complaintdesk.contracts.events.SlaClocks.ASSIST_ANSWERED;
import static com.complaintdesk.contracts.events.SlaClocks.LIABLE_ONE_MONTH;
import static com.complaintdesk.contracts.events.SlaClocks.MAJOR_TO_HQ;
import static com.complaintdesk.contracts.events.SlaClocks.MAJOR_TO_MANAGER;
import static com.complaintdesk.contracts.events.SlaClocks.NO_FAULT_IDENTIFIED;
import static com.complaintdesk.contracts.events.SlaClocks.ON_SITE_ARRIVAL;
import static com.complaintdesk.contracts.events.SlaClocks.RESOLUTION;
import static com.complaintdesk.contracts.events.SlaClocks.REVISIT;
import static com.complaintdesk.contracts.events.SlaClocks.SUPERVISOR_TO_MANAGER;

/**
 * The SLA clocks of one complaint (SPEC §4). Life-cycle events start, stop, pause and resume them
 * ({@link #apply}); time makes them warn, breach and climb the escalation ladder ({@link #fire}). Both return the
 * events they cause; the caller stores the new state and those events in one write.
 */
public class ComplaintSla {

    private String complaintId;
    private ComplaintFacts facts = ComplaintFacts.unknown();
    /** The current instance of each clock, by name. */
    private Map<String, SlaClock> clocks = new LinkedHashMap<>();
    /** Earlier instances (e.g. the resolution clock before a reopen), kept for the history. */
    private List<SlaClock> finished = new ArrayList<>();
    private boolean decided;
    private boolean awaitingDocuments;
    private boolean closed;
    private Instant acceptedAt;
    /** The complainant was first told something (acceptance decision or what is missing). */
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private Instant closedAt;
    /** The department dispatch gave it to, and whether it is HR's alone: who may read its clocks (SPEC §7, §3.20). */
    private String department;
    private boolean confidential;

    ComplaintSla() {
    }

    public ComplaintSla(String complaintId) {
        this.complaintId = complaintId;
    }

    /** Applies one life-cycle event that happened at {@code at}; returns the SLA events it causes. */
    public List<ComplaintEvent> apply(ComplaintEvent event, Instant at, SlaPolicies policies, BusinessCalendar cal) {
        List<ComplaintEvent> out = new ArrayList<>();
        if (closed) {
            return out;
        }
        if (event instanceof IntakeEvents.ComplaintReceived r) {
            // SPEC §3.2: an out-of-hours complaint's clocks start at the next business period
            Instant clockStart = r.outOfHours() && r.businessClockStartsAt() != null ? r.businessClockStartsAt() : r.receivedAt();
            facts = facts.received(r.receivedAt() != null ? r.receivedAt() : at, clockStart, r.outOfHours(),
                    r.complainant() == null ? null : r.complainant().type(), r.requestedDeadline());
            if (!decided) {
                start(ACCEPTANCE_DECISION, facts.clockStartsAt(), policies, cal, out);
            }
        } else if (event instanceof TriageEvents.AwaitingDocuments a) {
            firstResponse(at);
            awaitingDocuments = true;
            // SPEC §4: clocks stop while the complaint waits on the complainant
            for (SlaClock c : clocks.values()) {
                c.pause(at, "AWAITING_DOCUMENTS", out);
            }
        } else if (event instanceof IntakeEvents.EvidenceAdded e) {
            resumeAll(at, cal, out);
        } else if (event instanceof TriageEvents.ComplaintAccepted a) {
            resumeAll(at, cal, out);
            decide(at, "ACCEPTED", cal, out);
            acceptedAt = at;
            start(RESOLUTION, facts.clockStart(at), policies, cal, out);
            classificationClocks(at, policies, cal, out);
        } else if (event instanceof TriageEvents.ComplaintRejected r) {
            decide(at, "REJECTED", cal, out);
        } else if (event instanceof TriageEvents.ComplaintTransferred t) {
            decide(at, "TRANSFERRED", cal, out);
        } else if (event instanceof TriageEvents.ComplaintTriaged t) {
            facts = facts.classified(t.category(), t.severity(), t.liability(), t.flags());
            classificationClocks(at, policies, cal, out);
        } else if (event instanceof TriageEvents.ComplaintReclassified r) {
            facts = facts.classified(r.category(), r.severity(), r.liability(), r.flags());
            classificationClocks(at, policies, cal, out);
        } else if (event instanceof DispatchEvents.ComplaintDispatched d) {
            department = d.department() != null ? d.department() : department;
            confidential = confidential || d.confidential(); // a confidential complaint stays so (dispatch's rule)
            if (d.severity() == Severity.MAJOR && d.supervisor() != null) {
                stop(MAJOR_TO_MANAGER, at, "MANAGER_SUPERVISES", cal, out); // SPEC §3.8
            }
        } else if (event instanceof DispatchEvents.SupervisorAssigned s) {
            stop(MAJOR_TO_MANAGER, at, "MANAGER_SUPERVISES", cal, out);
        } else if (event instanceof DispatchEvents.StaffNotified n) {
            if (policies.majorManagerNotice().fulfilledBy(n, department)) {
                // SPEC §3.5, §4: only the MAJOR notice to the responsible manager; a queue, transfer, PR or escalation
                // notice to a manager tells them something else and leaves the clock running
                stop(MAJOR_TO_MANAGER, at, "MANAGER_NOTIFIED", cal, out);
            }
            if ("DEPARTMENT_MANAGER".equals(n.role()) && n.consultedBy() != null) {
                // SPEC §3.12: the supervisor consulted the manager about this complaint. Any other notice to a
                // manager (an SLA escalation, this very clock's breach, a queue or PR notice) reaches nobody in
                // the sense of §3.12 and must not stop it
                stop(SUPERVISOR_TO_MANAGER, at, "MANAGER_REACHED", cal, out);
            } else if ("HQ_ANALYST".equals(n.role())) {
                stop(MAJOR_TO_HQ, at, "HQ_NOTIFIED", cal, out);
            }
        } else if (event instanceof DispatchEvents.SolutionProposed p) {
            if (p.onSiteWorkNeeded()) {
                start(ON_SITE_ARRIVAL, at, policies, cal, out); // SPEC §3.10
            }
        } else if (event instanceof DispatchEvents.SolutionRejected r) {
            // the rejected solution's on-site work will not be done; a re-evaluated one that needs it starts it again
            supersede(ON_SITE_ARRIVAL, at, "SOLUTION_REJECTED", cal, out);
        } else if (event instanceof DispatchEvents.DepartmentTransferred t) {
            department = t.toDepartment() != null ? t.toDepartment() : department;
            // SPEC §3.10: the 24 hours run for the visit of the solution the department proposed. A transfer drops that
            // proposal (the new department investigates and proposes anew), so the visit will not be made and its clock
            // ends here; an on-site solution of the new department starts a fresh one. A reassignment inside the
            // department keeps the proposal, and so the clock
            supersede(ON_SITE_ARRIVAL, at, "DEPARTMENT_TRANSFERRED", cal, out);
        } else if (event instanceof DispatchEvents.OnSiteArrived o) {
            stop(ON_SITE_ARRIVAL, o.arrivedAt() != null ? o.arrivedAt() : at, "ARRIVED", cal, out);
        } else if (event instanceof DispatchEvents.DisagreementRecorded d) {
            start(SUPERVISOR_TO_MANAGER, at, policies, cal, out); // SPEC §3.12
        } else if (event instanceof DispatchEvents.ComplaintResolved r) {
            resolvedAt = at;
            stop(RESOLUTION, at, "RESOLVED", cal, out);
            stop(ASSIST_ANSWERED, at, "RESOLVED", cal, out);
            stop(LIABLE_ONE_MONTH, at, "RESOLVED", cal, out);
            start(REVISIT, at, policies, cal, out); // SPEC §3.14
        } else if (event instanceof FollowupEvents.RevisitDone r) {
            stop(REVISIT, at, "REVISITED", cal, out);
        } else if (event instanceof FollowupEvents.ComplaintReopened r) {
            stop(REVISIT, at, "REOPENED", cal, out);
            resolvedAt = null;
            start(RESOLUTION, at, policies, cal, out);
        } else if (event instanceof FollowupEvents.ComplaintClosed c) {
            for (SlaClock clock : clocks.values()) {
                clock.stop(at, "CLOSED", cal, out);
            }
            closed = true;
            closedAt = at;
        }
        // other events do not move a clock
        return out;
    }

    /** Warnings, breaches and escalation steps due at {@code now}. */
    public List<ComplaintEvent> fire(Instant now, BusinessCalendar cal) {
        List<ComplaintEvent> out = new ArrayList<>();
        for (SlaClock c : clocks.values()) {
            c.fire(now, cal, facts.severity(), out);
        }
        return out;
    }

    private void firstResponse(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
    }

    private void decide(Instant at, String how, BusinessCalendar cal, List<ComplaintEvent> out) {
        decided = true;
        firstResponse(at);
        stop(ACCEPTANCE_DECISION, at, how, cal, out);
    }

    private void resumeAll(Instant at, BusinessCalendar cal, List<ComplaintEvent> out) {
        if (!awaitingDocuments) {
            return;
        }
        awaitingDocuments = false;
        for (SlaClock c : clocks.values()) {
            c.resume(at, cal, out);
        }
    }

    /** Clocks that depend on the classification (SPEC §4), and the resolution target for the new severity. */
    private void classificationClocks(Instant at, SlaPolicies policies, BusinessCalendar cal, List<ComplaintEvent> out) {
        Instant fromReceipt = facts.clockStartsAt() != null ? facts.clockStartsAt() : at;
        if (facts.liability() == Liability.NOT_LIABLE && !known(NO_FAULT_IDENTIFIED)) {
            // identified now: the clock ran from receipt and stops at once, late or on time
            start(NO_FAULT_IDENTIFIED, fromReceipt, policies, cal, out);
            stop(NO_FAULT_IDENTIFIED, at, "IDENTIFIED", cal, out);
        }
        if (facts.liability() == Liability.ASSIST && acceptedAt != null) {
            start(ASSIST_ANSWERED, fromReceipt, policies, cal, out);
        }
        boolean major = facts.severity() == Severity.MAJOR;
        if (major || facts.flags().contains(Flag.COLLECTIVE)) {
            start(MAJOR_TO_MANAGER, facts.clockStart(at), policies, cal, out); // SPEC §3.5: notify at once
        }
        if (major) {
            start(MAJOR_TO_HQ, facts.clockStart(at), policies, cal, out);
            stop(LIABLE_ONE_MONTH, at, "UPGRADED", cal, out);
        } else if (facts.liability() == Liability.LIABLE && acceptedAt != null && resolvedAt == null) {
            start(LIABLE_ONE_MONTH, facts.clockStart(acceptedAt), policies, cal, out);
        }
        // a new severity or category may mean another target: re-apply, keeping the start and the paused time
        for (SlaClock c : clocks.values()) {
            if (c.active()) {
                policies.find(c.name(), facts).ifPresent(p -> {
                    if (c.reapply(p, facts, cal, at)) {
                        out.add(new SlaEvents.SlaClockStarted(c.name(), c.startedAt(), c.dueAt()));
                    }
                });
            }
        }
    }

    private boolean known(String name) {
        return clocks.containsKey(name);
    }

    private void start(String name, Instant startAt, SlaPolicies policies, BusinessCalendar cal, List<ComplaintEvent> out) {
        SlaClock current = clocks.get(name);
        if (current != null && current.active()) {
            return;
        }
        var policy = policies.find(name, facts);
        if (policy.isEmpty()) {
            return; // no policy for this clock and complaint: not kept
        }
        if (current != null) {
            finished.add(current);
        }
        SlaClock c = SlaClock.start(name, policy.get(), facts, startAt, cal);
        clocks.put(name, c);
        out.add(new SlaEvents.SlaClockStarted(name, c.startedAt(), c.dueAt()));
        if (awaitingDocuments) {
            c.pause(startAt, "AWAITING_DOCUMENTS", out);
        }
    }

    private void stop(String name, Instant at, String reason, BusinessCalendar cal, List<ComplaintEvent> out) {
        SlaClock c = clocks.get(name);
        if (c != null) {
            c.stop(at, reason, cal, out);
        }
    }

    /** Ends a clock whose step will not be done because what it timed was dropped (not fulfilled, not late by itself). */
    private void supersede(String name, Instant at, String reason, BusinessCalendar cal, List<ComplaintEvent> out) {
        SlaClock c = clocks.get(name);
        if (c != null) {
            c.stop(at, reason, false, cal, out);
        }
    }

    /** When something next falls due on any clock; null when nothing will. */
    public Instant nextWake() {
        Instant min = null;
        for (SlaClock c : clocks.values()) {
            Instant w = c.nextWake();
            if (w != null && (min == null || w.isBefore(min))) {
                min = w;
            }
        }
        return min;
    }

    /** SPEC §3.17: past a time limit on a clock still running. */
    public boolean overdue() {
        return clocks.values().stream().anyMatch(SlaClock::overdue);
    }

    public List<String> overdueClocks() {
        return clocks.values().stream().filter(SlaClock::overdue).map(SlaClock::name).toList();
    }

    public String complaintId() { return complaintId; }
    public ComplaintFacts facts() { return facts; }
    public Map<String, SlaClock> clocks() { return java.util.Collections.unmodifiableMap(clocks); }
    public List<SlaClock> finished() { return List.copyOf(finished); }
    public boolean awaitingDocuments() { return awaitingDocuments; }
    public boolean closed() { return closed; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant firstResponseAt() { return firstResponseAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public String department() { return department; }
    public boolean confidential() { return confidential; }
}
