package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;

import java.time.Instant;
import java.util.List;

/** Events published by sla-service on {@link Topics#SLA}. */
public final class SlaEvents {
    private SlaEvents() {
    }

    /**
     * A clock is running with this deadline. Published again, with the same {@code startedAt}, whenever the deadline
     * moves (resumed after a pause, re-classified): the latest one per clock is the current deadline.
     */
    public record SlaClockStarted(String clock, Instant startedAt, Instant dueAt) implements ComplaintEvent {
    }

    /**
     * A clock stopped: fulfilled (its step was done), or ended by closing. {@code elapsedSeconds} is wall-clock time
     * from start to stop, {@code pausedSeconds} the part spent waiting on the complainant, {@code businessSeconds}
     * the working time inside it, so reports can say exactly how long each step took. The three measures and
     * {@code reason} are null on events from before they were added.
     */
    public record SlaClockStopped(String clock, Instant stoppedAt, boolean breached, Instant startedAt, Instant dueAt,
                                  Long elapsedSeconds, Long pausedSeconds, Long businessSeconds, String reason)
            implements ComplaintEvent {
        public SlaClockStopped(String clock, Instant stoppedAt, boolean breached) {
            this(clock, stoppedAt, breached, null, null, null, null, null, null);
        }
    }

    /** SPEC §4: the clock stops while the complaint waits on the complainant (AWAITING_DOCUMENTS). */
    public record SlaClockPaused(String clock, Instant pausedAt, String reason) implements ComplaintEvent {
    }

    /** The wait is over; {@code dueAt} is the new deadline (the paused time is added back). */
    public record SlaClockResumed(String clock, Instant resumedAt, Instant dueAt, long pausedSeconds)
            implements ComplaintEvent {
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

    /**
     * SPEC §3.18 / §4: the monthly report of {@code period} (e.g. "2026-11") was not published by its deadline (the
     * 5th of the next month, 24:00). Keyed "monthly-2026-11": it is not a complaint.
     */
    public record MonthlyReportOverdue(String period, Instant dueAt, EscalationLevel level, String notifyRole)
            implements ComplaintEvent {
    }
}
