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

    /** SPEC §3.8: one department, one handler. {@code supervisor} is the manager for MAJOR complaints. */
    public record ComplaintDispatched(
            String department,
            String handler,
            String supervisor,
            String category,
            Severity severity,
            boolean noInterviews,
            boolean confidential,
            boolean queued,
            String reason) implements ComplaintEvent {
    }

    public record ComplaintReassigned(String department, String fromHandler, String toHandler, String reason, String by)
            implements ComplaintEvent {
    }

    public record InvestigationRecorded(String cause, String responsibleParty, String responsiblePerson, String findings,
                                        String by) implements ComplaintEvent {
    }

    public record SolutionProposed(List<SolutionItem> items, boolean onSiteWorkNeeded, List<String> preventiveMeasures,
                                   EscalationLevel proposedAt, String by) implements ComplaintEvent {
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
}
