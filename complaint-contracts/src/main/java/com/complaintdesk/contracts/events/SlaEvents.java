package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;

import java.time.Instant;
import java.util.List;

/** Events published by sla-service on {@link Topics#SLA}. */
public final class SlaEvents {
    private SlaEvents() {
    }

    public record SlaClockStarted(String clock, Instant startedAt, Instant dueAt) implements ComplaintEvent {
    }

    public record SlaClockStopped(String clock, Instant stoppedAt, boolean breached) implements ComplaintEvent {
    }

    public record SlaWarning(String clock, Instant dueAt, int percentElapsed) implements ComplaintEvent {
    }

    public record SlaBreached(String clock, Instant dueAt, EscalationLevel level) implements ComplaintEvent {
    }

    public record SlaEscalated(String clock, EscalationLevel level, String notifyRole, Instant nextDueAt) implements ComplaintEvent {
    }

    /** SPEC §3.5: a LIABLE complaint unresolved after one month becomes MAJOR. */
    public record SeverityUpgradeRequested(Severity to, String reason) implements ComplaintEvent {
    }

    /** SPEC §3.17: the daily list of complaints past their time limit. Keyed by the report date, not a complaint. */
    public record DailyOverdueReport(String date, List<String> overdueComplaints) implements ComplaintEvent {
    }
}
