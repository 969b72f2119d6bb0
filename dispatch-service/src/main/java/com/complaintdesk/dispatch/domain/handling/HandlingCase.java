package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched.Kind;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintReassigned;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.DispatchEvents.DepartmentTransferred;
import com.complaintdesk.contracts.events.DispatchEvents.DisagreementRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.InvestigationRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.OnSiteArrived;
import com.complaintdesk.contracts.events.DispatchEvents.OnSiteHandlingRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.PreventiveMeasureRecorded;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionAccepted;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionProposed;
import com.complaintdesk.contracts.events.DispatchEvents.SolutionRejected;
import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import com.complaintdesk.contracts.events.DispatchEvents.SupervisorAssigned;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One complaint in the hands of its department: the state machine of SPEC §3 from DISPATCHED to RESOLVED, with the
 * appeal loop. Every command checks the current status first and changes nothing when it is not allowed
 * ({@link IllegalTransition}); otherwise it changes the state and returns the events it causes. Plain Java.
 */
public final class HandlingCase {

    private String number;
    private HandlingStatus status;
    private String department;
    private String handler;
    private String supervisor;
    private String category;
    private Severity severity;
    private Liability liability;
    private Set<Flag> flags = EnumSet.noneOf(Flag.class);
    private boolean noInterviews;
    private boolean confidential;
    private ComplainantType complainantType;
    private String content;
    private String subject;
    private SecondFactor secondFactor;
    private Investigation investigation;
    private Solution solution;
    /** The level that must decide the next solution: HANDLER at first, one level up after each rejection. */
    private EscalationLevel appealLevel = EscalationLevel.HANDLER;
    private int appealCount;
    private Instant onSiteArrivedAt;
    private boolean onSiteHandled;
    /** SPEC §3.12: when the complainant still disagreed after on-site handling, and when the manager was consulted. */
    private Instant disagreementAt;
    private Instant managerConsultedAt;
    /** The service supervisor 服务主任 at dispatch: handles major or vicious complaints on the spot. */
    private String serviceSupervisor;
    /** How many ComplaintDispatched this complaint has caused (their {@code sequence}). */
    private int dispatchCount;
    private Resolution resolution;
    private int reopenCount;
    /** Followup's number of the last reopen taken in ({@code ComplaintReopened.reopenCount}); 0 before any. */
    private int lastReopenNumber;
    private List<String> preventiveMeasures = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private List<ComplainantNotice> notices = new ArrayList<>();
    private Instant dispatchedAt;
    private Instant updatedAt;

    /** For the persistence mapping. */
    public HandlingCase() {
    }

    public HandlingCase(String number) {
        this.number = number;
    }

    /** What intake registered, kept for the conflict-of-interest rule and the complainant's second factor. */
    public void recordReceived(ComplainantType type, String content, String subject, SecondFactor secondFactor, Instant at) {
        this.complainantType = type;
        this.content = content;
        if (this.subject == null) {
            this.subject = subject;
        }
        this.secondFactor = secondFactor;
        note(at, "RECEIVED", "intake", "complaint text and second factor recorded");
    }

    public boolean isDispatched() {
        return status != null;
    }

    /** SPEC §3.8: one department and one handler (or the department's queue); MAJOR → the manager supervises. */
    public List<ComplaintEvent> dispatch(DispatchDecision d, Instant now) {
        if (status != null) {
            throw new IllegalTransition("The complaint is already dispatched to " + department + ".", status);
        }
        this.department = d.department();
        this.handler = d.handler();
        this.category = d.category();
        this.severity = d.severity();
        this.liability = d.liability();
        this.flags = d.flags() == null || d.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(d.flags());
        this.confidential = d.confidential();
        // 7 5.3.4: when the media is involved PR is informed and nobody else gives interviews
        this.noInterviews = flags.contains(Flag.MEDIA);
        this.supervisor = severity == Severity.MAJOR ? d.manager() : null;
        this.serviceSupervisor = d.serviceSupervisor();
        this.status = handler == null ? HandlingStatus.QUEUED : HandlingStatus.DISPATCHED;
        this.dispatchedAt = now;
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(dispatched(handler == null, d.reason(), Kind.ROUTED));
        note(now, status.name(), "dispatch", department + " / " + (handler == null ? "queue" : handler) + " — " + d.reason());
        if (handler == null) {
            events.add(notify(d.manager(), Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.QUEUED,
                    "Nobody in " + department + " is on duty: the complaint waits in the department queue.", now));
        }
        if (severity == Severity.MAJOR) {
            // SPEC §3.5: a major complaint notifies the department manager at once; the manager supervises it (3.3)
            events.add(notify(d.manager(), Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.MAJOR_SUPERVISION,
                    "MAJOR complaint: you supervise it personally.", now));
        }
        if (isViciousOrMajor() && d.serviceSupervisor() != null && !confidential) {
            // seed 5.3.1: the service supervisor calms the complainant on the spot (SPEC §3.12); a confidential (HR)
            // complaint stays with HR, whose manager supervises it (SPEC §3.20)
            events.add(notify(d.serviceSupervisor(), Roles.SUPERVISOR, StaffNotified.Kind.ON_SITE_HANDLING,
                    "Major or vicious complaint: handle it on the spot and record the on-site handling.", now));
        }
        if (noInterviews && d.prManager() != null) {
            events.add(mediaNotice(d.prManager()));
            note(now, "NOTIFIED", "dispatch", "PR informed (media involved)");
        }
        return events;
    }

    /** A queued complaint gets its handler as soon as someone comes on duty. */
    public List<ComplaintEvent> assignFromQueue(String newHandler, Instant now) {
        require(EnumSet.of(HandlingStatus.QUEUED), "assign from the queue");
        this.handler = newHandler;
        this.status = HandlingStatus.DISPATCHED;
        note(now, "DISPATCHED", "dispatch", "assigned from the queue to " + newHandler);
        return List.of(dispatched(false, "assigned from the department queue", Kind.ASSIGNED_FROM_QUEUE));
    }

    /** By the manager, or because the handler became unavailable or turned out to be complained about. */
    public List<ComplaintEvent> reassign(String toHandler, String reason, String by, Instant now) {
        requireOpen("reassign");
        if (toHandler.equals(handler)) {
            throw new IllegalTransition("The complaint is already assigned to " + toHandler + ".", status);
        }
        String from = handler;
        this.handler = toHandler;
        if (status == HandlingStatus.QUEUED) {
            status = HandlingStatus.DISPATCHED;
        }
        note(now, "REASSIGNED", by, (from == null ? "queue" : from) + " → " + toHandler + ": " + reason);
        return List.of(new ComplaintReassigned(department, from, toHandler, reason, by));
    }

    /** To another responsible department, with the reason; the work starts again there. */
    public List<ComplaintEvent> transfer(String toDepartment, String toHandler, String toManager, boolean toConfidential,
                                         String reason, String by, Instant now) {
        requireOpen("transfer");
        if (status == HandlingStatus.IN_PROGRESS) {
            throw new IllegalTransition("The agreed solution is being carried out; it cannot be transferred now.", status);
        }
        if (toDepartment.equals(department)) {
            throw new IllegalTransition("The complaint is already in " + toDepartment + ".", status);
        }
        String fromDepartment = department;
        String fromHandler = handler;
        this.department = toDepartment;
        this.handler = toHandler;
        // SPEC §3.20: a confidential (HR) complaint stays confidential wherever it goes
        this.confidential = confidential || toConfidential;
        this.supervisor = severity == Severity.MAJOR ? toManager : null;
        this.status = toHandler == null ? HandlingStatus.QUEUED : HandlingStatus.DISPATCHED;
        this.solution = null;
        this.appealLevel = EscalationLevel.HANDLER;
        note(now, "TRANSFERRED", by, fromDepartment + " → " + toDepartment + ": " + reason);
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(new DepartmentTransferred(fromDepartment, toDepartment, fromHandler, toHandler, reason, by));
        events.add(dispatched(toHandler == null, "transferred from " + fromDepartment + ": " + reason, Kind.TRANSFERRED));
        if (toHandler == null || severity == Severity.MAJOR) {
            events.add(toHandler == null
                    ? notify(toManager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.QUEUED,
                            "Transferred complaint waits in your queue: nobody is on duty.", now)
                    : notify(toManager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.MAJOR_SUPERVISION,
                            "MAJOR complaint transferred to you.", now));
        }
        return events;
    }

    /** SPEC §3.9: cause and responsible party; also during an appeal, when the higher level looks again. */
    public List<ComplaintEvent> recordInvestigation(Investigation found, Instant now) {
        require(EnumSet.of(HandlingStatus.DISPATCHED, HandlingStatus.INVESTIGATING, HandlingStatus.APPEALED),
                "record an investigation");
        this.investigation = found;
        if (status != HandlingStatus.APPEALED) {
            status = HandlingStatus.INVESTIGATING;
        }
        note(now, "INVESTIGATION_RECORDED", found.by(), "cause: " + found.cause());
        return List.of(new InvestigationRecorded(found.cause(), found.responsibleParty(), found.responsiblePerson(),
                found.findings(), found.by()));
    }

    /**
     * SPEC §3.9–3.11: propose a solution after the investigation; during an appeal only someone at the appeal level
     * (department manager, then HQ) may propose the new one.
     */
    public List<ComplaintEvent> proposeSolution(Solution proposal, Instant now) {
        require(EnumSet.of(HandlingStatus.INVESTIGATING, HandlingStatus.APPEALED), "propose a solution");
        boolean reEvaluation = status == HandlingStatus.APPEALED;
        if (investigation == null) {
            throw new IllegalTransition("Record the investigation before proposing a solution.", status);
        }
        if (!AppealLadder.mayDecideAt(proposal.level(), appealLevel)) {
            throw new IllegalTransition("After the appeal the solution is re-evaluated by " + appealLevel
                    + "; a " + proposal.level() + " cannot propose it.", status);
        }
        if (proposal.items().isEmpty()) {
            throw new IllegalArgumentException("a solution needs at least one item");
        }
        this.solution = new Solution(proposal.items(), proposal.onSiteWorkNeeded(), proposal.preventiveMeasures(),
                appealLevel.ordinal() > proposal.level().ordinal() ? appealLevel : proposal.level(), proposal.by(), now,
                proposal.explanation());
        this.onSiteArrivedAt = null;
        this.status = HandlingStatus.SOLUTION_PROPOSED;
        note(now, "SOLUTION_PROPOSED", proposal.by(), proposal.items().size() + " item(s) at level " + solution.level()
                + (proposal.onSiteWorkNeeded() ? ", on-site work needed" : ""));
        tell(now, reEvaluation ? ComplainantNotice.Decision.RE_EVALUATED : ComplainantNotice.Decision.SOLUTION_PROPOSED,
                solution.level(), solution.explanation() != null ? solution.explanation() : reEvaluation
                        ? "Your appeal was re-evaluated at the level of " + solution.level() + "; this is the solution decided there."
                        : "The department investigated your complaint and proposes this solution.");
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(new SolutionProposed(solution.items(), solution.onSiteWorkNeeded(), solution.preventiveMeasures(),
                solution.level(), proposal.by(), solution.explanation()));
        for (String measure : proposal.preventiveMeasures()) {
            preventiveMeasures.add(measure);
            events.add(new PreventiveMeasureRecorded(measure, proposal.by()));
        }
        return events;
    }

    /** SPEC §3.11: the complainant accepts; the solution is carried out. */
    public List<ComplaintEvent> acceptSolution(String note, Instant now) {
        require(EnumSet.of(HandlingStatus.SOLUTION_PROPOSED), "accept a solution");
        status = HandlingStatus.IN_PROGRESS;
        note(now, "SOLUTION_ACCEPTED", "complainant", note == null ? "" : note);
        tell(now, ComplainantNotice.Decision.ACCEPTED, solution.level(),
                "You accepted the solution; it is being carried out" + (solution.onSiteWorkNeeded()
                        ? " and our engineers will be on site within 24 hours." : "."));
        return List.of(new SolutionAccepted(note));
    }

    /** SPEC §3.11: a rejection is an appeal, re-evaluated one level up. */
    public List<ComplaintEvent> rejectSolution(String reason, Instant now) {
        require(EnumSet.of(HandlingStatus.SOLUTION_PROPOSED), "reject a solution");
        appealLevel = AppealLadder.above(solution.level());
        appealCount++;
        status = HandlingStatus.APPEALED;
        note(now, "SOLUTION_REJECTED", "complainant", "appeal to " + appealLevel + ": " + reason);
        tell(now, ComplainantNotice.Decision.APPEALED, appealLevel, reason);
        return List.of(new SolutionRejected(reason, appealLevel));
    }

    /** SPEC §3.10: engineering on site (within 24 h, clocked by sla-service). */
    public List<ComplaintEvent> recordOnSiteArrival(Instant arrivedAt, String by, Instant now) {
        require(EnumSet.of(HandlingStatus.SOLUTION_PROPOSED, HandlingStatus.IN_PROGRESS), "record an on-site arrival");
        if (solution == null || !solution.onSiteWorkNeeded()) {
            throw new IllegalTransition("The proposed solution needs no on-site work.", status);
        }
        if (onSiteArrivedAt != null) {
            throw new IllegalTransition("The on-site arrival was already recorded at " + onSiteArrivedAt + ".", status);
        }
        if (solution.at() != null && arrivedAt.isBefore(solution.at())) {
            throw new IllegalArgumentException("arrivedAt must not be before the solution was proposed (" + solution.at() + ")");
        }
        onSiteArrivedAt = arrivedAt;
        note(now, "ON_SITE_ARRIVED", by, String.valueOf(arrivedAt));
        return List.of(new OnSiteArrived(arrivedAt, by));
    }

    /**
     * SPEC §3.12: for a major or vicious complaint the service supervisor handles it on the spot; if the complainant
     * still disagrees, the 15-minute clock to reach the department manager starts (DisagreementRecorded).
     */
    public List<ComplaintEvent> recordOnSiteHandling(String by, String note, boolean complainantAgrees, Instant now) {
        requireOpen("record on-site handling");
        if (!isViciousOrMajor()) {
            throw new IllegalTransition("On-site handling by the service supervisor is for major or vicious complaints.", status);
        }
        onSiteHandled = true;
        note(now, "ON_SITE_HANDLING", by, (complainantAgrees ? "complainant agrees: " : "complainant disagrees: ") + note);
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(new OnSiteHandlingRecorded(by, note, complainantAgrees));
        if (!complainantAgrees) {
            // the clock runs until the supervisor has consulted the manager: no automatic notification stands in for
            // that conversation (sla-service stops it only on the notice that carries consultedBy)
            disagreementAt = now;
            managerConsultedAt = null;
            events.add(new DisagreementRecorded(by, note));
        } else {
            disagreementAt = null;
        }
        return events;
    }

    /**
     * SPEC §3.12 (seed 5.3.2): the service supervisor consulted the department manager 请示 after the complainant
     * disagreed; this stops the 15-minute clock. Only while a disagreement is waiting for the manager.
     */
    public List<ComplaintEvent> recordManagerConsulted(String by, String manager, String instructions, Instant now) {
        requireOpen("record the manager's consultation on");
        if (disagreementAt == null || managerConsultedAt != null) {
            throw new IllegalTransition("No disagreement after on-site handling is waiting for the department manager.", status);
        }
        managerConsultedAt = now;
        note(now, "MANAGER_CONSULTED", by, manager + " consulted "
                + java.time.Duration.between(disagreementAt, now).toSeconds() + " s after the disagreement: " + instructions);
        // consultedBy marks the one notice that says the manager was reached in person (what stops the clock)
        return List.of(new StaffNotified(manager, Roles.DEPARTMENT_MANAGER, department,
                "Consulted by " + by + " about the complainant's disagreement after on-site handling: " + instructions, by,
                StaffNotified.Kind.MANAGER_CONSULTED));
    }

    /** SPEC §3.13: only after the complainant accepted the solution, and after the on-site arrival when one is needed. */
    public List<ComplaintEvent> resolve(Resolution done, Instant now) {
        require(EnumSet.of(HandlingStatus.IN_PROGRESS), "resolve");
        if (solution.onSiteWorkNeeded() && onSiteArrivedAt == null) {
            throw new IllegalTransition("Record the on-site arrival before resolving.", status);
        }
        this.resolution = done;
        this.status = HandlingStatus.RESOLVED;
        note(now, "RESOLVED", done.by(), done.summary());
        tell(now, ComplainantNotice.Decision.RESOLVED, null, done.summary());
        return List.of(new ComplaintResolved(done.summary(), done.apology(), done.improvements(), done.by(), department, handler));
    }

    /** SPEC §3.15. */
    public List<ComplaintEvent> recordPreventiveMeasure(String measure, String by, Instant now) {
        if (status == null || status == HandlingStatus.CLOSED) {
            throw new IllegalTransition("Preventive measures can be recorded only on an open or resolved complaint.", status);
        }
        preventiveMeasures.add(measure);
        note(now, "PREVENTIVE_MEASURE", by, measure);
        return List.of(new PreventiveMeasureRecorded(measure, by));
    }

    /**
     * SPEC §3.14: not satisfied at the revisit → back to DISPATCHED in the same department; {@code toHandler} is the
     * previous handler if still on duty, another one otherwise, or null (queue).
     */
    public List<ComplaintEvent> reopen(String reason, String toHandler, String manager, Instant now) {
        return reopen(reason, 0, toHandler, manager, now);
    }

    /**
     * SPEC §3.14, reopen number {@code number} of followup (0 when unknown). A reopen always follows a resolution, so it
     * is taken from either terminal state: RESOLVED, or CLOSED should followup's reopen be delivered after a close.
     * A complaint still being handled takes it in with {@link #reopenWhileOpen}; a reopen already taken in
     * ({@link #alreadyReopened}) is not applied again.
     */
    public List<ComplaintEvent> reopen(String reason, int number, String toHandler, String manager, Instant now) {
        require(EnumSet.of(HandlingStatus.RESOLVED, HandlingStatus.CLOSED), "reopen");
        boolean wasClosed = status == HandlingStatus.CLOSED;
        this.reopenCount++;
        this.lastReopenNumber = Math.max(lastReopenNumber, number);
        this.handler = toHandler;
        this.status = toHandler == null ? HandlingStatus.QUEUED : HandlingStatus.DISPATCHED;
        this.solution = null;
        this.resolution = null;
        this.onSiteArrivedAt = null;
        this.appealLevel = EscalationLevel.HANDLER;
        note(now, "REOPENED", "followup", reason + " → " + (toHandler == null ? "queue" : toHandler)
                + (wasClosed ? " (it was CLOSED)" : ""));
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(dispatched(toHandler == null, "reopened (" + reopenCount + "): " + reason, Kind.REOPENED));
        if (toHandler == null) {
            events.add(notify(manager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.QUEUED,
                    "Reopened complaint waits in your queue: nobody is on duty.", now));
        }
        return events;
    }

    /**
     * A reopen that reaches a complaint still in its department's hands (its resolution never reached this case, e.g.
     * state restored from before it): the complaint is being handled already, so nothing is reset and no new dispatch
     * goes out; the reopen is counted, kept in the history, and the handler (the manager while it is queued) is told
     * the complainant was not satisfied. Its next resolution is revisited again.
     */
    public List<ComplaintEvent> reopenWhileOpen(String reason, int number, String manager, Instant now) {
        requireOpen("take in a reopen on");
        this.reopenCount++;
        this.lastReopenNumber = Math.max(lastReopenNumber, number);
        note(now, "REOPENED", "followup", reason + " → still " + status + " with " + (handler == null ? "the queue" : handler));
        String told = "Not satisfied at the revisit (reopen " + reopenCount + "): " + reason;
        return List.of(handler == null ? notify(manager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.NOT_SATISFIED, told, now)
                : notify(handler, Roles.HANDLER, StaffNotified.Kind.NOT_SATISFIED, told, now));
    }

    /** Followup's reopen {@code number} (or a later one) was taken in already: a duplicate must not reopen again. */
    public boolean alreadyReopened(int number) {
        return number > 0 && number <= lastReopenNumber;
    }

    /**
     * A triage officer or a rule changed the classification. Becoming MAJOR makes the manager the supervisor (SPEC §3.8)
     * and notifies them; the media newly involved informs PR.
     */
    public List<ComplaintEvent> reclassify(String newCategory, Severity newSeverity, Liability newLiability,
                                           Set<Flag> newFlags, String manager, String prManager, String reason, Instant now) {
        List<ComplaintEvent> events = new ArrayList<>();
        boolean becameMajor = newSeverity == Severity.MAJOR && severity != Severity.MAJOR;
        boolean mediaNew = newFlags != null && newFlags.contains(Flag.MEDIA) && !flags.contains(Flag.MEDIA);
        boolean wasViciousOrMajor = isViciousOrMajor();
        if (newCategory != null) {
            category = newCategory;
        }
        if (newSeverity != null) {
            severity = newSeverity;
        }
        if (newLiability != null) {
            liability = newLiability;
        }
        if (newFlags != null) {
            flags = newFlags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(newFlags);
        }
        note(now, "RECLASSIFIED", "triage", category + " / " + severity + " — " + reason);
        if (status == null || !status.isOpen()) {
            return events;
        }
        if (becameMajor) {
            supervisor = manager;
            events.add(new SupervisorAssigned(department, manager, "severity became MAJOR: " + reason));
            events.add(notify(manager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.MAJOR_SUPERVISION,
                    "Complaint became MAJOR: you supervise it personally.", now));
        }
        if (!wasViciousOrMajor && isViciousOrMajor() && serviceSupervisor != null && !confidential) {
            events.add(notify(serviceSupervisor, Roles.SUPERVISOR, StaffNotified.Kind.ON_SITE_HANDLING,
                    "Complaint became major or vicious: handle it on the spot and record the on-site handling.", now));
        }
        if (mediaNew) {
            noInterviews = true;
            if (prManager != null) {
                events.add(mediaNotice(prManager));
            }
        }
        return events;
    }

    /**
     * Someone higher up takes over the supervision, e.g. the department manager after a second reopen (issue 5).
     * Nothing happens when they supervise it already.
     */
    public List<ComplaintEvent> superviseBy(String manager, String reason, Instant now) {
        requireOpen("change the supervisor of");
        if (manager == null || manager.equals(supervisor)) {
            return List.of();
        }
        supervisor = manager;
        note(now, "SUPERVISOR_ASSIGNED", "dispatch", manager + ": " + reason);
        return List.of(new SupervisorAssigned(department, manager, reason),
                notify(manager, Roles.DEPARTMENT_MANAGER, StaffNotified.Kind.SUPERVISION_TAKEN_OVER,
                        "You now supervise this complaint: " + reason, now));
    }

    /** An SLA escalation reached someone in this department: recorded and passed on. */
    public List<ComplaintEvent> recordEscalation(String clock, EscalationLevel level, String recipient, String role, Instant now) {
        note(now, "ESCALATED", "sla", clock + " → " + level + (recipient == null ? "" : " (" + recipient + ")"));
        if (recipient == null) {
            return List.of();
        }
        return List.of(new StaffNotified(recipient, role, department, "SLA " + clock + " escalated to " + level + ".",
                StaffNotified.Kind.SLA_ESCALATION));
    }

    public void close(String reason, Instant now) {
        status = HandlingStatus.CLOSED;
        note(now, "CLOSED", "followup", reason == null ? "" : reason);
    }

    public boolean isViciousOrMajor() {
        return severity == Severity.MAJOR || flags.contains(Flag.EXTREME_BEHAVIOUR);
    }

    /** Every dispatch of the complaint is numbered, so consumers tell a second assignment from a redelivery. */
    private ComplaintDispatched dispatched(boolean queued, String reason, Kind kind) {
        dispatchCount++;
        return new ComplaintDispatched(department, handler, supervisor, category, severity, noInterviews, confidential,
                queued, reason, kind, dispatchCount);
    }

    private StaffNotified notify(String recipient, String role, StaffNotified.Kind kind, String reason, Instant now) {
        note(now, "NOTIFIED", "dispatch", recipient + ": " + reason);
        return new StaffNotified(recipient, role, department, reason, kind);
    }

    private static StaffNotified mediaNotice(String prManager) {
        return new StaffNotified(prManager, Roles.DEPARTMENT_MANAGER, "PR",
                "Media involved: PR handles all media contact; no interviews by anyone else.", StaffNotified.Kind.MEDIA);
    }

    private void requireOpen(String action) {
        if (status == null || !status.isOpen()) {
            throw new IllegalTransition("Cannot " + action + " a complaint that is " + (status == null ? "not dispatched" : status) + ".", status);
        }
    }

    private void require(Set<HandlingStatus> allowed, String action) {
        if (status == null || !allowed.contains(status)) {
            throw new IllegalTransition("Cannot " + action + " while the complaint is "
                    + (status == null ? "not dispatched yet" : status) + ".", status);
        }
    }

    private void tell(Instant at, ComplainantNotice.Decision decision, EscalationLevel level, String reason) {
        notices.add(new ComplainantNotice(at, decision, level, reason));
    }

    private void note(Instant at, String what, String by, String detail) {
        history.add(new HistoryEntry(at, what, by, detail));
        updatedAt = at;
    }

    public String number() { return number; }
    public HandlingStatus status() { return status; }
    public String department() { return department; }
    public String handler() { return handler; }
    public String supervisor() { return supervisor; }
    public String category() { return category; }
    public Severity severity() { return severity; }
    public Liability liability() { return liability; }
    public Set<Flag> flags() { return flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags); }
    public boolean noInterviews() { return noInterviews; }
    public boolean confidential() { return confidential; }
    public ComplainantType complainantType() { return complainantType; }
    public String content() { return content; }
    public String subject() { return subject; }
    public SecondFactor secondFactor() { return secondFactor; }
    public Investigation investigation() { return investigation; }
    public Solution solution() { return solution; }
    public EscalationLevel appealLevel() { return appealLevel; }
    public int appealCount() { return appealCount; }
    public Instant onSiteArrivedAt() { return onSiteArrivedAt; }
    public boolean onSiteHandled() { return onSiteHandled; }
    public Instant disagreementAt() { return disagreementAt; }
    public Instant managerConsultedAt() { return managerConsultedAt; }
    public int dispatchCount() { return dispatchCount; }
    public Resolution resolution() { return resolution; }
    public int reopenCount() { return reopenCount; }
    public int lastReopenNumber() { return lastReopenNumber; }
    public List<String> preventiveMeasures() { return List.copyOf(preventiveMeasures); }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    /** What the complainant has been told, in order. */
    public List<ComplainantNotice> notices() { return notices == null ? List.of() : List.copyOf(notices); }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant updatedAt() { return updatedAt; }
}
