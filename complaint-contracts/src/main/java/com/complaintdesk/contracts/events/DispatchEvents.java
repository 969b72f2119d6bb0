package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.model.SolutionItem;

import java.time.Instant;
import java.util.List;

/**
 * Events published by dispatch-service on {@link Topics#DISPATCH}; {@link ComplaintDispatched} is also
 * copied to the department's own topic ({@link Topics#departmentTopic(String)}).
 */
public final class DispatchEvents {
    private DispatchEvents() {
    }

    /**
     * SPEC §3.8: one department, one handler. {@code supervisor} is the manager for MAJOR complaints. One complaint can
     * be dispatched several times: {@code kind} says why this one was sent and {@code sequence} counts the dispatches of
     * the complaint (1, 2, ...), so a consumer can tell a new assignment from a redelivery (same event id) and order
     * them. Both are absent (null) in events written before they existed.
     */
    public record ComplaintDispatched(
            String department,
            String handler,
            String supervisor,
            String category,
            Severity severity,
            boolean noInterviews,
            boolean confidential,
            boolean queued,
            String reason,
            Kind kind,
            Integer sequence) implements ComplaintEvent {

        /** Why the complaint was dispatched (again). */
        public enum Kind {
            /** first routing after triage (to a handler, or to the queue) */
            ROUTED,
            /** a queued complaint got its handler when someone came on duty */
            ASSIGNED_FROM_QUEUE,
            /** moved to another department (by a manager or supervisor, or a corrected category) */
            TRANSFERRED,
            /** back after an unsatisfied revisit */
            REOPENED
        }

        public ComplaintDispatched(String department, String handler, String supervisor, String category, Severity severity,
                                   boolean noInterviews, boolean confidential, boolean queued, String reason) {
            this(department, handler, supervisor, category, severity, noInterviews, confidential, queued, reason, null, null);
        }
    }

    public record ComplaintReassigned(String department, String fromHandler, String toHandler, String reason, String by)
            implements ComplaintEvent {
    }

    public record InvestigationRecorded(String cause, String responsibleParty, String responsiblePerson, String findings,
                                        String by) implements ComplaintEvent {
    }

    /**
     * {@code explanation}: what the complainant is told with the proposal, in particular the reason of a re-evaluation
     * after an appeal (SPEC §3.11); may be null.
     */
    public record SolutionProposed(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                                   EscalationLevel proposedAt, String by, String explanation) implements ComplaintEvent {
        public SolutionProposed(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                                EscalationLevel proposedAt, String by) {
            this(items, onSiteWorkNeeded, preventiveMeasures, proposedAt, by, null);
        }
    }

    public record SolutionAccepted(String note) implements ComplaintEvent {
    }

    /** A rejection is an appeal: it goes one level up (SPEC §3.11). */
    public record SolutionRejected(String reason, EscalationLevel appealLevel) implements ComplaintEvent {
    }

    public record OnSiteArrived(Instant arrivedAt, String by) implements ComplaintEvent {
    }

    /** SPEC §3.12: the complainant still disagrees after on-site handling; the 15-minute clock starts. */
    public record DisagreementRecorded(String supervisor, String note) implements ComplaintEvent {
    }

    /** SPEC §3.13: the result told to the complainant. */
    public record ComplaintResolved(String summary, String apology, String improvements, String by,
                                    String department, String handler) implements ComplaintEvent {
    }

    /** SPEC §3.15. */
    public record PreventiveMeasureRecorded(String measure, String by) implements ComplaintEvent {
    }

    /**
     * Someone was told about a complaint: the manager of a MAJOR complaint (SPEC §3.5/§3.8), the PR department when the
     * media is involved (no interviews, 7 5.3.4), a department manager when nobody is on duty, the recipient of an SLA
     * escalation. {@code recipient} is a staff user id; {@code role} a role of {@code Roles}.
     * <p>
     * {@code consultedBy} is set only when a person reached the recipient about this complaint rather than the system
     * telling them: the service supervisor who consulted the department manager after the complainant disagreed
     * (SPEC §3.12, seed 5.3.2 请示), which is what ends the 15-minute clock. Null on every other notice and on events
     * written before it existed.
     * <p>
     * {@code kind} says which notice it is, so a consumer never reads {@code reason} (free text for people) to decide;
     * null on events written before it existed.
     */
    public record StaffNotified(String recipient, String role, String department, String reason, String consultedBy,
                                Kind kind) implements ComplaintEvent {

        /** Which notice: what a consumer may act on (e.g. sla's MAJOR_TO_MANAGER clock ends on MAJOR_SUPERVISION). */
        public enum Kind {
            /** nobody on duty: the complaint waits in the department queue (routed, transferred or reopened) */
            QUEUED,
            /** SPEC §3.5/§3.8: a MAJOR complaint (from the start, after an upgrade, or transferred in); the manager supervises it */
            MAJOR_SUPERVISION,
            /** seed 5.3.1: the service supervisor handles a major or vicious complaint on the spot */
            ON_SITE_HANDLING,
            /** seed 5.3.4: the media is involved; PR handles all media contact */
            MEDIA,
            /** SPEC §3.12: the service supervisor consulted the manager after the complainant disagreed ({@code consultedBy}) */
            MANAGER_CONSULTED,
            /** the complainant was not satisfied at the revisit while the complaint was still being handled */
            NOT_SATISFIED,
            /** someone higher up takes over the supervision (e.g. the manager after a second reopen) */
            SUPERVISION_TAKEN_OVER,
            /** an SLA escalation reached the recipient */
            SLA_ESCALATION
        }

        public StaffNotified(String recipient, String role, String department, String reason, Kind kind) {
            this(recipient, role, department, reason, null, kind);
        }

        /** A consultation notice without a kind, as written before {@code kind} existed. */
        public StaffNotified(String recipient, String role, String department, String reason, String consultedBy) {
            this(recipient, role, department, reason, consultedBy, null);
        }

        /** A notice without a kind, as written before {@code kind} existed. */
        public StaffNotified(String recipient, String role, String department, String reason) {
            this(recipient, role, department, reason, null, null);
        }
    }

    /** SPEC §3.8: a complaint became MAJOR after dispatch, so the department manager now supervises it. */
    public record SupervisorAssigned(String department, String supervisor, String reason) implements ComplaintEvent {
    }

    /** The complaint moved to another responsible department, with the reason; a new ComplaintDispatched follows. */
    public record DepartmentTransferred(String fromDepartment, String toDepartment, String fromHandler, String toHandler,
                                        String reason, String by) implements ComplaintEvent {
    }

    /** SPEC §3.12: the service supervisor handled a major or vicious complaint on the spot. */
    public record OnSiteHandlingRecorded(String supervisor, String note, boolean complainantAgrees) implements ComplaintEvent {
    }
}
