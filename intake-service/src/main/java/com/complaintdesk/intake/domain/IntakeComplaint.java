package com.complaintdesk.intake.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.kit.calendar.BusinessCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A complaint as intake knows it: what was registered, its evidence, and the complainant-facing status
 * projected from the life-cycle events of the other services. Plain Java; persistence maps it.
 */
public final class IntakeComplaint {

    /**
     * The only event types that change what the complainant sees (status, acceptance, reason, next step, deadline)
     * or who may read the complaint among staff ({@link Holder}: triage's category, dispatch's department).
     * {@link #apply} ignores every other type, and the status projection skips them before decoding or loading
     * anything: most of the other services' events (other clocks, warnings, notifications, assignments) leave the
     * complainant's view as it is. A new status change must be added here as well as in {@code StatusChange.of}.
     */
    public static final Set<Class<? extends ComplaintEvent>> VISIBLE_EVENTS = Set.of(
            SlaEvents.SlaClockStarted.class,
            TriageEvents.ComplaintAccepted.class, TriageEvents.ComplaintRejected.class,
            TriageEvents.ComplaintTransferred.class, TriageEvents.AwaitingDocuments.class,
            TriageEvents.ComplaintTriaged.class, TriageEvents.ComplaintReclassified.class,
            DispatchEvents.ComplaintDispatched.class, DispatchEvents.InvestigationRecorded.class,
            DispatchEvents.SolutionProposed.class, DispatchEvents.SolutionAccepted.class,
            DispatchEvents.SolutionRejected.class, DispatchEvents.ComplaintResolved.class,
            FollowupEvents.ComplaintReopened.class, FollowupEvents.ComplaintClosed.class);

    /** True for the types in {@link #VISIBLE_EVENTS}; the type name is the wire name (simple class name). */
    public static boolean changesWhatTheComplainantSees(Class<? extends ComplaintEvent> type) {
        return VISIBLE_EVENTS.contains(type);
    }

    private static final Set<ComplaintStatus> ENDED = EnumSet.of(ComplaintStatus.CLOSED, ComplaintStatus.REJECTED,
            ComplaintStatus.TRANSFERRED);

    private final String number;
    private final Registration registration;
    private final String contactKey;
    private final Instant receivedAt;
    private final boolean outOfHours;
    private final Instant businessClockStartsAt;
    private final List<EvidenceRef> evidence;
    private ComplaintStatus status;
    private Acceptance acceptance;
    private String reason;
    private String nextStep;
    private Instant deadline;
    private Instant statusAt;
    private int urgeCount;
    private Holder holder;

    public IntakeComplaint(String number, Registration registration, String contactKey, Instant receivedAt, boolean outOfHours,
                           Instant businessClockStartsAt, List<EvidenceRef> evidence, ComplaintStatus status,
                           Acceptance acceptance, String reason, String nextStep, Instant deadline, Instant statusAt,
                           int urgeCount, Holder holder) {
        this.number = number;
        this.registration = registration;
        this.contactKey = contactKey;
        this.receivedAt = receivedAt;
        this.outOfHours = outOfHours;
        this.businessClockStartsAt = businessClockStartsAt;
        this.evidence = new ArrayList<>(evidence);
        this.status = status;
        this.acceptance = acceptance;
        this.reason = reason;
        this.nextStep = nextStep;
        this.deadline = deadline;
        this.statusAt = statusAt;
        this.urgeCount = urgeCount;
        this.holder = holder == null ? Holder.UNKNOWN : holder;
    }

    /** The result of a registration: the new complaint and the event it causes. */
    public record Registered(IntakeComplaint complaint, ComplaintReceived event) {
    }

    /**
     * SPEC §3.1 registration and §3.2 out-of-hours: a complaint received outside business hours is flagged and its
     * clocks start at the next business period.
     */
    public static Registered register(String number, Registration r, String contactKey, Instant receivedAt,
                                      BusinessCalendar calendar, List<EvidenceRef> evidence) {
        boolean outOfHours = !calendar.isBusinessTime(receivedAt);
        Instant clockStart = outOfHours ? calendar.nextBusinessStart(receivedAt) : receivedAt;
        var complaint = new IntakeComplaint(number, r, contactKey, receivedAt, outOfHours, clockStart, evidence,
                ComplaintStatus.RECEIVED, Acceptance.PENDING, null,
                "We have received your complaint and will tell you within 3 days whether it is accepted.",
                null, receivedAt, 0, Holder.UNKNOWN);
        var event = new ComplaintReceived(number, r.channel(),
                new Complainant(r.name(), r.phone(), r.email(), r.complainantType(), contactKey),
                r.content(), r.subject(), r.eventOccurredAt(), receivedAt, r.claimedAmount(),
                List.copyOf(r.requestedRemedies()), r.requestedDeadline(), List.copyOf(evidence), r.recordedBy(),
                outOfHours, clockStart);
        return new Registered(complaint, event);
    }

    public EvidenceAdded addEvidence(EvidenceRef ref, String by) {
        if (ENDED.contains(status)) {
            throw new IllegalTransition("Evidence cannot be added to a complaint that is " + status + ".", status);
        }
        evidence.add(ref);
        return new EvidenceAdded(ref, evidence.size(), by);
    }

    /** SPEC §3.19 催办: counted and published; not possible once the complaint has ended. */
    public ComplaintUrged urge(String message) {
        if (ENDED.contains(status)) {
            throw new IllegalTransition("A complaint that is " + status + " cannot be urged.", status);
        }
        urgeCount++;
        return new ComplaintUrged(urgeCount, message);
    }

    /**
     * Projects another service's event onto the complainant-facing status. Events come from several topics and
     * may arrive out of order; an event older than the current status does not move it back.
     */
    public boolean apply(ComplaintEvent event, Instant occurredAt) {
        if (!changesWhatTheComplainantSees(event.getClass())) {
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

    /** An action the current status does not allow. */
    public static final class IllegalTransition extends RuntimeException {
        private final ComplaintStatus current;

        public IllegalTransition(String message, ComplaintStatus current) {
            super(message);
            this.current = current;
        }

        public ComplaintStatus current() {
            return current;
        }
    }

    public String number() { return number; }
    public Registration registration() { return registration; }
    public String contactKey() { return contactKey; }
    public Instant receivedAt() { return receivedAt; }
    public boolean outOfHours() { return outOfHours; }
    public Instant businessClockStartsAt() { return businessClockStartsAt; }
    public List<EvidenceRef> evidence() { return List.copyOf(evidence); }
    public ComplaintStatus status() { return status; }
    public Acceptance acceptance() { return acceptance; }
    public String reason() { return reason; }
    public String nextStep() { return nextStep; }
    public Instant deadline() { return deadline; }
    public Instant statusAt() { return statusAt; }
    public int urgeCount() { return urgeCount; }
    public Holder holder() { return holder; }
}
