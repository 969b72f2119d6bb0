package com.complaintdesk.intake.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.ComplaintStatus;

import java.time.Instant;

/**
 * What intake projects from the other services' life-cycle events: the complainant-facing status (status,
 * acceptance, reason, next step, deadline, when it last changed) and who holds the complaint ({@link Holder}). It
 * needs nothing of what was registered, so the status projection reads and writes only this part of a complaint
 * (no personal data); {@link IntakeComplaint} holds one for everything else.
 */
public final class ComplainantStatus {

    private ComplaintStatus status;
    private Acceptance acceptance;
    private String reason;
    private String nextStep;
    private Instant deadline;
    private Instant statusAt;
    private Holder holder;

    public ComplainantStatus(ComplaintStatus status, Acceptance acceptance, String reason, String nextStep,
                             Instant deadline, Instant statusAt, Holder holder) {
        this.status = status;
        this.acceptance = acceptance;
        this.reason = reason;
        this.nextStep = nextStep;
        this.deadline = deadline;
        this.statusAt = statusAt;
        this.holder = holder == null ? Holder.UNKNOWN : holder;
    }

    /**
     * Projects another service's event onto the complainant-facing status. Events come from several topics and
     * may arrive out of order; an event older than the current status does not move it back.
     */
    public boolean apply(ComplaintEvent event, Instant occurredAt) {
        if (!IntakeComplaint.changesWhatTheComplainantSees(event.getClass())) {
            return false;
        }
        boolean held = learnHolder(event);
        if (event instanceof SlaEvents.SlaClockStarted clock) {
            if (SlaClocks.RESOLUTION.equals(clock.clock()) || SlaClocks.ACCEPTANCE_DECISION.equals(clock.clock())
                    && deadline == null) {
                deadline = clock.dueAt();
                return true;
            }
            return false;
        }
        StatusChange change = StatusChange.of(event);
        if (change == null || (statusAt != null && occurredAt.isBefore(statusAt))) {
            return held;
        }
        status = change.status();
        if (change.acceptance() != null) {
            acceptance = change.acceptance();
        }
        if (change.reason() != null || change.clearsReason()) {
            reason = change.reason();
        }
        nextStep = change.nextStep();
        statusAt = occurredAt;
        return true;
    }

    /**
     * Triage's category and dispatch's department (each topic in order, so the latest is the one that holds); returns
     * whether anything changed.
     */
    private boolean learnHolder(ComplaintEvent event) {
        Holder before = holder;
        if (event instanceof TriageEvents.ComplaintTriaged t) {
            holder = new Holder(holder.department(), holder.confidential(), t.category());
        } else if (event instanceof TriageEvents.ComplaintReclassified r) {
            holder = new Holder(holder.department(), holder.confidential(), r.category());
        } else if (event instanceof DispatchEvents.ComplaintDispatched d) {
            holder = new Holder(d.department(), d.confidential(), holder.category());
        }
        return !holder.equals(before);
    }

    /** What a life-cycle event means to the complainant. */
    record StatusChange(ComplaintStatus status, Acceptance acceptance, String reason, boolean clearsReason, String nextStep) {
        static StatusChange of(ComplaintEvent e) {
            if (e instanceof TriageEvents.ComplaintAccepted) {
                return new StatusChange(ComplaintStatus.ACCEPTED, Acceptance.ACCEPTED, null, true,
                        "Your complaint is accepted and is being passed to the responsible department.");
            }
            if (e instanceof TriageEvents.ComplaintRejected r) {
                return new StatusChange(ComplaintStatus.REJECTED, Acceptance.REJECTED, r.reason(), false,
                        "Your complaint is outside what we can accept; the reason says why.");
            }
            if (e instanceof TriageEvents.ComplaintTransferred t) {
                return new StatusChange(ComplaintStatus.TRANSFERRED, Acceptance.TRANSFERRED, t.reason(), false,
                        "Your complaint has been passed to " + t.transferredTo() + ", who will contact you.");
            }
            if (e instanceof TriageEvents.AwaitingDocuments a) {
                return new StatusChange(ComplaintStatus.AWAITING_DOCUMENTS, Acceptance.AWAITING_DOCUMENTS, a.reason(), false,
                        "Please add: " + String.join(", ", a.missingDocuments()) + ".");
            }
            if (e instanceof TriageEvents.ComplaintTriaged) {
                return new StatusChange(ComplaintStatus.TRIAGED, null, null, false,
                        "Your complaint is being assigned to the responsible department.");
            }
            if (e instanceof DispatchEvents.ComplaintDispatched) {
                return new StatusChange(ComplaintStatus.DISPATCHED, null, null, false,
                        "The responsible department has your complaint and will investigate.");
            }
            if (e instanceof DispatchEvents.InvestigationRecorded) {
                return new StatusChange(ComplaintStatus.INVESTIGATING, null, null, false,
                        "The department has investigated and is preparing a solution.");
            }
            if (e instanceof DispatchEvents.SolutionProposed) {
                return new StatusChange(ComplaintStatus.SOLUTION_PROPOSED, null, null, false,
                        "A solution is proposed: please accept or reject it.");
            }
            if (e instanceof DispatchEvents.SolutionAccepted) {
                return new StatusChange(ComplaintStatus.IN_PROGRESS, null, null, false,
                        "The agreed solution is being carried out.");
            }
            if (e instanceof DispatchEvents.SolutionRejected r) {
                return new StatusChange(ComplaintStatus.APPEALED, null, r.reason(), false,
                        "Your appeal is being re-evaluated one level up.");
            }
            if (e instanceof DispatchEvents.ComplaintResolved) {
                return new StatusChange(ComplaintStatus.RESOLVED, null, null, true,
                        "Your complaint is resolved. We will contact you to ask whether you are satisfied.");
            }
            if (e instanceof FollowupEvents.ComplaintReopened) {
                return new StatusChange(ComplaintStatus.REOPENED, null, null, true,
                        "Your complaint is reopened and goes back to the responsible department.");
            }
            if (e instanceof FollowupEvents.ComplaintClosed) {
                return new StatusChange(ComplaintStatus.CLOSED, null, null, false, "Your complaint is closed. Thank you.");
            }
            return null;
        }
    }

    public ComplaintStatus status() { return status; }
    public Acceptance acceptance() { return acceptance; }
    public String reason() { return reason; }
    public String nextStep() { return nextStep; }
    public Instant deadline() { return deadline; }
    public Instant statusAt() { return statusAt; }
    public Holder holder() { return holder; }
}
