package com.complaintdesk.followup.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitAttemptFailed;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDone;
import com.complaintdesk.contracts.events.FollowupEvents.RevisitDue;
import com.complaintdesk.contracts.events.FollowupEvents.SpecialReportFiled;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One complaint's follow-up (SPEC §3 rules 14–16): the revisit after each resolution, reopening when the
 * complainant is not satisfied, the special report of a major or vicious complaint, and closing.
 * Each action returns the events it causes; the caller persists the new state and the events together.
 */
public final class FollowupCase {

    private final String complaintId;
    private ComplainantType complainantType;
    private String phoneDigest;
    private String emailDigest;
    private Severity severity;
    private Set<Flag> flags;
    private String department;
    private String handler;
    private FollowupStatus status;
    private Revisit revisit;
    private final List<Revisit> pastRevisits;
    private int reopenCount;
    private SpecialReport specialReport;
    private String closeReason;
    private Instant closedAt;
    private boolean confidential;

    public FollowupCase(String complaintId, ComplainantType complainantType, String phoneDigest, String emailDigest,
                        Severity severity, Set<Flag> flags, String department, String handler, FollowupStatus status,
                        Revisit revisit, List<Revisit> pastRevisits, int reopenCount, SpecialReport specialReport,
                        String closeReason, Instant closedAt, boolean confidential) {
        this.complaintId = complaintId;
        this.complainantType = complainantType;
        this.phoneDigest = phoneDigest;
        this.emailDigest = emailDigest;
        this.severity = severity;
        this.flags = flags == null || flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        this.department = department;
        this.handler = handler;
        this.status = status == null ? FollowupStatus.OPEN : status;
        this.revisit = revisit;
        this.pastRevisits = pastRevisits == null ? new ArrayList<>() : new ArrayList<>(pastRevisits);
        this.reopenCount = reopenCount;
        this.specialReport = specialReport;
        this.closeReason = closeReason;
        this.closedAt = closedAt;
        this.confidential = confidential;
    }

    /** A case seen for the first time, from whichever event came first. */
    public static FollowupCase open(String complaintId) {
        return new FollowupCase(complaintId, null, null, null, null, Set.of(), null, null, FollowupStatus.OPEN, null,
                List.of(), 0, null, null, null, false);
    }

    // ---- facts learned from the other services ----

    /**
     * SPEC §3.20, §7: an employee or workplace complaint (HR's) is visible only to HR. Once learned it stays so,
     * whatever is learned later.
     */
    public void markConfidential() {
        this.confidential = true;
    }

    /**
     * ComplaintReceived: who the complainant is, and the digests of the second factor. Topics are read in parallel,
     * so on a replay (a fresh deployment reading from the start) the resolution may come first and the revisit was
     * routed without the complainant type: an untouched revisit is then routed again (SPEC §3.14) and due anew.
     */
    public List<ComplaintEvent> registered(ComplainantType type, String phoneDigest, String emailDigest, RevisitPolicy policy) {
        this.complainantType = type;
        this.phoneDigest = phoneDigest;
        this.emailDigest = emailDigest;
        if (status != FollowupStatus.REVISIT_DUE || revisit == null || !revisit.failedAttempts().isEmpty()) {
            return List.of();
        }
        RevisitRoute route = policy.routeFor(type);
        if (route.equals(new RevisitRoute(revisit.method(), revisit.assignee(), revisit.role()))) {
            return List.of();
        }
        revisit = new Revisit(revisit.round(), revisit.resolvedAt(), revisit.dueAt(), route.method(), route.assignee(),
                route.role(), List.of(), null);
        return List.of(new RevisitDue(revisit.dueAt(), revisit.method(), revisit.assignee()));
    }

    /** ComplaintTriaged / ComplaintReclassified: the latest classification decides whether a special report is needed. */
    public void classified(Severity severity, Set<Flag> flags) {
        if (severity != null) {
            this.severity = severity;
        }
        if (flags != null) {
            this.flags = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        }
    }

    /** ComplaintDispatched: the responsible department and handler, told again when the complaint is reopened. */
    public void dispatched(String department, String handler, Severity severity) {
        if (department != null) {
            this.department = department;
        }
        if (handler != null) {
            this.handler = handler;
        }
        if (severity != null && this.severity == null) {
            this.severity = severity;
        }
        if (status == FollowupStatus.REOPENED) {
            // back in the process (SPEC §3 diagram: REOPENED → DISPATCHED); the next resolution schedules a new revisit
            status = FollowupStatus.OPEN;
        }
    }

    /** SPEC §3 diagram: a rejected or transferred complaint goes straight to CLOSED. */
    public List<ComplaintEvent> endedWithoutHandling(String reason, Instant at) {
        if (status == FollowupStatus.CLOSED) {
            return List.of();
        }
        return close(reason, at);
    }

    /**
     * SPEC §3.14: every resolved complaint is revisited, by the policy's deadline and route. A resolution while a
     * revisit is already running (a repeated resolution) changes nothing.
     */
    public List<ComplaintEvent> resolved(Instant resolvedAt, String department, String handler, RevisitPolicy policy,
                                         BusinessCalendar calendar) {
        if (status != FollowupStatus.OPEN && status != FollowupStatus.REOPENED) {
            return List.of();
        }
        if (department != null) {
            this.department = department;
        }
        if (handler != null) {
            this.handler = handler;
        }
        if (revisit != null) {
            pastRevisits.add(revisit);
        }
        RevisitRoute route = policy.routeFor(complainantType);
        revisit = new Revisit(pastRevisits.size() + 1, resolvedAt, policy.dueAt(resolvedAt, calendar), route.method(),
                route.assignee(), route.role(), List.of(), null);
        status = FollowupStatus.REVISIT_DUE;
        return List.of(new RevisitDue(revisit.dueAt(), revisit.method(), revisit.assignee()));
    }

    // ---- the revisit ----

    /** Staff record one contact: not reached (a failed attempt), or reached with the rating. */
    public List<ComplaintEvent> recordRevisit(RevisitAnswer answer, RevisitPolicy policy, Instant now) {
        boolean heldUnreachable = status == FollowupStatus.UNREACHABLE && answer.reached();
        if (status != FollowupStatus.REVISIT_DUE && !heldUnreachable) {
            throw new IllegalTransition(status == FollowupStatus.UNREACHABLE
                    ? "The complainant was recorded as unreachable; only a reached revisit can still be recorded."
                    : "No revisit is open for this complaint.", status);
        }
        if (!answer.reached()) {
            return failedAttempt(answer, policy, now);
        }
        return rated(answer, policy, now);
    }

    /** SPEC §3.19: the complainant answers the revisit themselves, once. */
    public List<ComplaintEvent> answerByComplainant(RevisitAnswer answer, RevisitPolicy policy, Instant now) {
        if (status != FollowupStatus.REVISIT_DUE && status != FollowupStatus.UNREACHABLE) {
            throw new IllegalTransition(revisit != null && revisit.finished()
                    ? "This revisit has already been answered." : "No revisit is open for this complaint.", status);
        }
        return rated(answer, policy, now);
    }

    /**
     * SPEC §3.14, §4 "revisit done … on breach: supervisor": a revisit held unreachable (policy HOLD) is closed by the
     * service supervisor's decision, with its reason. The revisit ends not reached, and is done once: one
     * {@code RevisitDone(reached=false)} carrying the decision (none if a case held by an older version already
     * published its unreachable one). A major or vicious complaint then still waits for its special report (§3.16).
     */
    public List<ComplaintEvent> closeUnreachableByDecision(String reason, String by, RevisitPolicy policy, Instant now) {
        if (status != FollowupStatus.UNREACHABLE) {
            throw new IllegalTransition("Only a revisit held as unreachable can be closed by decision.", status);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommand("reason", "is required: why the revisit ends without reaching the complainant");
        }
        String decision = reason.strip();
        int attempts = revisit.failedAttempts().size();
        boolean doneBefore = revisit.finished();
        RevisitResult result = new RevisitResult(now, by, false, null, false, decision, null,
                !now.isAfter(revisit.dueAt()), false);
        revisit = revisit.withResult(result);
        List<ComplaintEvent> events = new ArrayList<>();
        if (!doneBefore) {
            events.add(new RevisitDone(false, null, false, "unreachable after " + attempts
                    + " attempts, closed by decision: " + decision, by, result.onTime()));
        }
        events.addAll(closeOrAwaitReport("revisit: complainant unreachable after " + attempts
                + " attempts, closed by decision of " + by + ": " + decision, policy, now));
        return events;
    }

    private List<ComplaintEvent> failedAttempt(RevisitAnswer answer, RevisitPolicy policy, Instant now) {
        revisit = revisit.withFailedAttempt(new Revisit.Attempt(now, answer.by(), answer.comment()));
        int attempts = revisit.failedAttempts().size();
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(new RevisitAttemptFailed(attempts, policy.maxAttempts(), answer.comment(), answer.by()));
        if (attempts < policy.maxAttempts()) {
            return events;
        }
        if (policy.unreachableOutcome() == UnreachableOutcome.HOLD) {
            // held open for the service supervisor: the revisit is not over (a later contact may still reach the
            // complainant), so it is not done yet. It is done once, with the rating, when someone reaches them; the
            // last failed attempt (attempt = maxAttempts) says it is held, and the revisit clock runs on to the
            // supervisor (SPEC §4)
            status = FollowupStatus.UNREACHABLE;
            return events;
        }
        // retry policy exhausted: recorded as unreachable, and that is the end of this revisit
        RevisitResult result = new RevisitResult(now, answer.by(), false, null, false, null, answer.comment(),
                !now.isAfter(revisit.dueAt()), false);
        revisit = revisit.withResult(result);
        events.add(new RevisitDone(false, null, false, "unreachable after " + attempts + " attempts", answer.by(), result.onTime()));
        events.addAll(closeOrAwaitReport("revisit: complainant unreachable after " + attempts + " attempts", policy, now));
        return events;
    }

    private List<ComplaintEvent> rated(RevisitAnswer answer, RevisitPolicy policy, Instant now) {
        Integer rating = answer.satisfaction();
        if (rating == null || rating < RevisitPolicy.MIN_RATING || rating > RevisitPolicy.MAX_RATING) {
            throw new InvalidCommand("satisfaction", "must be a rating from 1 to 5");
        }
        boolean satisfied = policy.isSatisfied(rating);
        if (!satisfied && (answer.reason() == null || answer.reason().isBlank())) {
            throw new InvalidCommand("reason", "is required for a rating below " + policy.satisfiedFrom());
        }
        // one revisit is done once: a revisit held unreachable before HOLD kept it open was already published as done
        // (not reached), so reaching the complainant now records the rating and its outcome, and no second RevisitDone
        boolean doneBefore = revisit.finished();
        RevisitResult result = new RevisitResult(now, answer.by(), true, rating, satisfied, answer.reason(),
                answer.comment(), !now.isAfter(revisit.dueAt()), answer.byComplainant());
        revisit = revisit.withResult(result);
        String comment = satisfied ? answer.comment() : join(answer.reason(), answer.comment());
        List<ComplaintEvent> events = new ArrayList<>();
        if (!doneBefore) {
            events.add(new RevisitDone(true, rating, satisfied, comment, answer.by(), result.onTime()));
        }
        if (satisfied) {
            events.addAll(closeOrAwaitReport("revisit: complainant satisfied (" + rating + "/5)", policy, now));
        } else {
            events.add(reopen(answer.reason(), policy));
        }
        return events;
    }

    /** SPEC §3.14: not satisfied → the department is told and the complaint is back in the process. */
    private ComplaintReopened reopen(String reason, RevisitPolicy policy) {
        reopenCount++;
        status = FollowupStatus.REOPENED;
        EscalationLevel escalateTo = reopenCount >= policy.escalateFromReopen() ? policy.escalateTo() : null;
        return new ComplaintReopened(reason, reopenCount, department, handler, escalateTo);
    }

    // ---- special report and closing ----

    /** SPEC §3.16: file the special report; a case waiting only for it is closed by it. */
    public List<ComplaintEvent> fileSpecialReport(SpecialReport report, RevisitPolicy policy) {
        if (specialReport != null) {
            throw new IllegalTransition("The special report of this complaint has already been filed ("
                    + specialReport.reportId() + ").", status);
        }
        if (status == FollowupStatus.OPEN && revisit == null) {
            // seed 5.3.5: the report analyses a complaint whose handling has ended
            throw new IllegalTransition("The special report is filed once the complaint has been resolved.", status);
        }
        specialReport = report;
        List<ComplaintEvent> events = new ArrayList<>();
        events.add(new SpecialReportFiled(report.reportId(), report.filedBy()));
        if (status == FollowupStatus.AWAITING_SPECIAL_REPORT) {
            events.addAll(close(closeReason != null ? closeReason : "special report filed", report.filedAt()));
        }
        return events;
    }

    public boolean needsSpecialReport(RevisitPolicy policy) {
        return policy.needsSpecialReport(severity, flags);
    }

    private List<ComplaintEvent> closeOrAwaitReport(String reason, RevisitPolicy policy, Instant now) {
        if (needsSpecialReport(policy) && specialReport == null) {
            // SPEC §3.16: no CLOSED without the special report; remember why it will close
            status = FollowupStatus.AWAITING_SPECIAL_REPORT;
            closeReason = reason;
            return List.of();
        }
        return close(reason, now);
    }

    private List<ComplaintEvent> close(String reason, Instant at) {
        status = FollowupStatus.CLOSED;
        closeReason = reason;
        closedAt = at;
        return List.of(new ComplaintClosed(reason));
    }

    private static String join(String a, String b) {
        if (b == null || b.isBlank()) {
            return a;
        }
        return a + " — " + b;
    }

    // ---- state, for storage and views ----

    public String complaintId() {
        return complaintId;
    }

    public ComplainantType complainantType() {
        return complainantType;
    }

    public String phoneDigest() {
        return phoneDigest;
    }

    public String emailDigest() {
        return emailDigest;
    }

    public Severity severity() {
        return severity;
    }

    public Set<Flag> flags() {
        return flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
    }

    public String department() {
        return department;
    }

    public String handler() {
        return handler;
    }

    public FollowupStatus status() {
        return status;
    }

    public Revisit revisit() {
        return revisit;
    }

    public List<Revisit> pastRevisits() {
        return List.copyOf(pastRevisits);
    }

    public int reopenCount() {
        return reopenCount;
    }

    public SpecialReport specialReport() {
        return specialReport;
    }

    public String closeReason() {
        return closeReason;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean confidential() {
        return confidential;
    }
}
