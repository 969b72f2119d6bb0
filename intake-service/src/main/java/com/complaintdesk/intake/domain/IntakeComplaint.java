package com.complaintdesk.intake.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
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
     * complainant's view as it is. A new status change must be added here as well as in {@code ComplainantStatus.StatusChange.of}.
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
    private final ComplainantStatus projected;
    private int urgeCount;

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
        this.projected = new ComplainantStatus(status, acceptance, reason, nextStep, deadline, statusAt, holder);
        this.urgeCount = urgeCount;
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
        if (ENDED.contains(status())) {
            throw new IllegalTransition("Evidence cannot be added to a complaint that is " + status() + ".", status());
        }
        evidence.add(ref);
        return new EvidenceAdded(ref, evidence.size(), by);
    }

    /** SPEC §3.19 催办: counted and published; not possible once the complaint has ended. */
    public ComplaintUrged urge(String message) {
        if (ENDED.contains(status())) {
            throw new IllegalTransition("A complaint that is " + status() + " cannot be urged.", status());
        }
        urgeCount++;
        return new ComplaintUrged(urgeCount, message);
    }

    /**
     * Projects another service's event onto the complainant-facing status ({@link ComplainantStatus#apply}); returns
     * whether anything the complainant or the read rule sees changed.
     */
    public boolean apply(ComplaintEvent event, Instant occurredAt) {
        return projected.apply(event, occurredAt);
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
    public ComplaintStatus status() { return projected.status(); }
    public Acceptance acceptance() { return projected.acceptance(); }
    public String reason() { return projected.reason(); }
    public String nextStep() { return projected.nextStep(); }
    public Instant deadline() { return projected.deadline(); }
    public Instant statusAt() { return projected.statusAt(); }
    public int urgeCount() { return urgeCount; }
    public Holder holder() { return projected.holder(); }
    /** The part the status projection changes. */
    public ComplainantStatus projected() { return projected; }
}
