package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One running instance of one clock of SPEC §4 for one complaint: its deadline, its warning point, its pauses and
 * its place on the escalation ladder. The deadline is always recomputed from the start, the policy and the pauses,
 * so re-applying a policy (re-triage, severity change) never loses paused time.
 */
public class SlaClock {

    public enum State { RUNNING, PAUSED, STOPPED }

    private String name;
    private String policyId;
    private TargetKind kind;
    private Duration target;
    private int workingDays;
    private int warnAtPercent;
    private boolean upgradeToMajorOnBreach;
    private List<EscalationStep> ladder = new ArrayList<>();
    /** The complainant's requested deadline (end of that day), when the policy honours it. */
    private Instant requestedDueAt;

    private State state;
    private Instant startedAt;
    private Instant dueAt;
    private Instant warnAt;
    private Instant warnedAt;
    private Instant breachedAt;
    private EscalationLevel level;
    private int nextStep;
    private Instant nextEscalationAt;
    private Instant stoppedAt;
    private String stopReason;
    private List<Pause> pauses = new ArrayList<>();
    private List<ClockMetric> history = new ArrayList<>();

    SlaClock() {
    }

    static SlaClock start(String name, SlaPolicy policy, ComplaintFacts facts, Instant startAt, BusinessCalendar calendar) {
        SlaClock c = new SlaClock();
        c.name = name;
        c.state = State.RUNNING;
        c.startedAt = startAt;
        c.adopt(policy, facts, calendar);
        c.recompute(calendar);
        c.history.add(new ClockMetric(ClockMetric.Kind.ACTIVATED, startAt, "policy " + policy.id() + ", due " + c.dueAt));
        return c;
    }

    private void adopt(SlaPolicy policy, ComplaintFacts facts, BusinessCalendar calendar) {
        policyId = policy.id();
        kind = policy.kind();
        target = policy.target();
        workingDays = policy.workingDays();
        warnAtPercent = policy.warnAtPercent();
        upgradeToMajorOnBreach = policy.upgradeToMajorOnBreach();
        ladder = new ArrayList<>(policy.ladder());
        requestedDueAt = policy.honourRequestedDeadline() && facts.requestedDeadline() != null
                ? facts.requestedDeadline().plusDays(1).atStartOfDay(calendar.zone()).toInstant() : null;
    }

    /** The deadline before any pause, from the start and the policy. */
    private Instant baseDue(BusinessCalendar cal) {
        if (requestedDueAt != null && requestedDueAt.isAfter(startedAt)) {
            return requestedDueAt; // SPEC §4: or the complainant's requested deadline if given
        }
        return switch (kind) {
            case CALENDAR_TIME -> startedAt.plus(target);
            case BUSINESS_TIME -> cal.plusBusinessTime(startedAt, target);
            case SAME_BUSINESS_DAY -> cal.endOfBusinessDay(startedAt);
            case WORKING_DAYS -> cal.endOfWorkingDaysAfter(startedAt, workingDays);
        };
    }

    private Duration measure(BusinessCalendar cal, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return kind.business() ? cal.businessTimeBetween(from, to) : Duration.between(from, to);
    }

    private Instant add(BusinessCalendar cal, Instant from, Duration amount) {
        if (amount.isZero()) {
            return from;
        }
        return kind.business() ? cal.plusBusinessTime(from, amount) : from.plus(amount);
    }

    /** Deadline and warning point from start, policy and every finished pause (an open pause freezes them). */
    void recompute(BusinessCalendar cal) {
        Instant due = baseDue(cal);
        Duration budget = measure(cal, startedAt, due);
        Instant warn = add(cal, startedAt, budget.multipliedBy(warnAtPercent).dividedBy(100));
        for (Pause p : pauses) {
            if (p.to() == null) {
                break;
            }
            if (p.from().isBefore(due)) {
                due = add(cal, p.to(), measure(cal, p.from(), due));
            }
            if (p.from().isBefore(warn)) {
                warn = add(cal, p.to(), measure(cal, p.from(), warn));
            }
        }
        dueAt = due;
        warnAt = warn.isBefore(due) ? warn : null;
    }

    /** Re-applies a (possibly different) policy, keeping the start and all paused time. True when the deadline moved. */
    boolean reapply(SlaPolicy policy, ComplaintFacts facts, BusinessCalendar cal, Instant at) {
        Instant before = dueAt;
        String beforePolicy = policyId;
        adopt(policy, facts, cal);
        recompute(cal);
        boolean moved = !dueAt.equals(before) || !policyId.equals(beforePolicy);
        if (moved) {
            history.add(new ClockMetric(ClockMetric.Kind.RESCHEDULED, at, "policy " + policyId + ", due " + dueAt));
        }
        return !dueAt.equals(before);
    }

    boolean pause(Instant at, String reason, List<ComplaintEvent> out) {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.PAUSED;
        pauses.add(new Pause(at, null, reason));
        history.add(new ClockMetric(ClockMetric.Kind.PAUSED, at, reason));
        out.add(new SlaEvents.SlaClockPaused(name, at, reason));
        return true;
    }

    boolean resume(Instant at, BusinessCalendar cal, List<ComplaintEvent> out) {
        if (state != State.PAUSED) {
            return false;
        }
        Pause open = pauses.remove(pauses.size() - 1);
        Instant end = at.isBefore(open.from()) ? open.from() : at;
        pauses.add(open.ended(end));
        state = State.RUNNING;
        recompute(cal);
        long paused = Duration.between(open.from(), end).toSeconds();
        history.add(new ClockMetric(ClockMetric.Kind.RESUMED, end, "paused " + paused + " s, due " + dueAt));
        out.add(new SlaEvents.SlaClockResumed(name, end, dueAt, paused));
        out.add(new SlaEvents.SlaClockStarted(name, startedAt, dueAt));
        return true;
    }

    void stop(Instant at, String reason, BusinessCalendar cal, List<ComplaintEvent> out) {
        stop(at, reason, !"CLOSED".equals(reason), cal, out);
    }

    /**
     * Stops the clock. {@code fulfilled}: its step was done (arrived, resolved, reached); otherwise it was called off
     * (the complaint closed, or what it timed was superseded), which its history records as cancelled.
     */
    void stop(Instant at, String reason, boolean fulfilled, BusinessCalendar cal, List<ComplaintEvent> out) {
        if (state == State.STOPPED) {
            return;
        }
        if (state == State.PAUSED) {
            Pause open = pauses.remove(pauses.size() - 1);
            pauses.add(open.ended(at.isBefore(open.from()) ? open.from() : at));
        }
        state = State.STOPPED;
        stoppedAt = at;
        stopReason = reason;
        boolean breached = breachedAt != null || at.isAfter(dueAt);
        long elapsed = Math.max(0, Duration.between(startedAt, at).toSeconds());
        long paused = pausedSeconds();
        long business = Math.max(0, cal.businessTimeBetween(startedAt, at).toSeconds());
        history.add(new ClockMetric(fulfilled ? ClockMetric.Kind.FULFILLED : ClockMetric.Kind.CANCELLED, at,
                reason + (breached ? ", late" : ", on time")));
        out.add(new SlaEvents.SlaClockStopped(name, at, breached, startedAt, dueAt, elapsed, paused, business, reason));
    }

    /** Warnings, breach and escalation steps due at {@code now} (SPEC §4). */
    void fire(Instant now, BusinessCalendar cal, Severity severity, List<ComplaintEvent> out) {
        if (state != State.RUNNING) {
            return;
        }
        if (breachedAt == null) {
            if (!dueAt.isAfter(now)) {
                breachedAt = now;
                if (warnedAt == null) {
                    warnedAt = now; // too late to warn: the breach says it all
                }
                EscalationLevel first = ladder.isEmpty() ? EscalationLevel.SERVICE_SUPERVISOR : ladder.get(0).level();
                level = first;
                history.add(new ClockMetric(ClockMetric.Kind.BREACHED, now, "due " + dueAt));
                out.add(new SlaEvents.SlaBreached(name, dueAt, first));
                if (upgradeToMajorOnBreach && severity != Severity.MAJOR) {
                    // SPEC §3.5 / §4: a LIABLE complaint unresolved after one month becomes MAJOR
                    out.add(new SlaEvents.SeverityUpgradeRequested(Severity.MAJOR,
                            name + " breached: liable complaint unresolved since " + startedAt));
                }
                nextStep = 0;
                nextEscalationAt = ladder.isEmpty() ? null : dueAt.plus(ladder.get(0).after());
            } else if (warnedAt == null && warnAt != null && !warnAt.isAfter(now)) {
                warnedAt = now;
                Duration budget = measure(cal, startedAt, dueAt).minus(pausedWithin(cal));
                Duration left = measure(cal, now, dueAt);
                int pct = budget.isZero() ? 100 : (int) Math.min(99, Math.max(0,
                        100 - left.toSeconds() * 100 / Math.max(1, budget.toSeconds())));
                history.add(new ClockMetric(ClockMetric.Kind.WARNED, now, pct + "% of the time gone"));
                out.add(new SlaEvents.SlaWarning(name, dueAt, pct));
            }
        }
        while (breachedAt != null && nextEscalationAt != null && !nextEscalationAt.isAfter(now)) {
            EscalationStep step = ladder.get(nextStep);
            nextStep++;
            level = step.level();
            nextEscalationAt = nextStep < ladder.size() ? nextEscalationAt.plus(ladder.get(nextStep).after()) : null;
            history.add(new ClockMetric(ClockMetric.Kind.ESCALATED, now, step.level().name()));
            out.add(new SlaEvents.SlaEscalated(name, step.level(), step.notifyRole(), nextEscalationAt));
        }
    }

    private Duration pausedWithin(BusinessCalendar cal) {
        Duration d = Duration.ZERO;
        for (Pause p : pauses) {
            if (p.to() != null) {
                d = d.plus(measure(cal, p.from(), p.to()));
            }
        }
        return d;
    }

    /** When this clock next has something to do; null when nothing (stopped, paused, ladder done). */
    Instant nextWake() {
        if (state != State.RUNNING) {
            return null;
        }
        if (breachedAt == null) {
            return warnedAt == null && warnAt != null && warnAt.isBefore(dueAt) ? warnAt : dueAt;
        }
        return nextEscalationAt;
    }

    public long pausedSeconds() {
        long s = 0;
        for (Pause p : pauses) {
            if (p.to() != null) {
                s += Duration.between(p.from(), p.to()).toSeconds();
            }
        }
        return s;
    }

    public boolean overdue() {
        return state != State.STOPPED && breachedAt != null;
    }

    public boolean active() {
        return state != State.STOPPED;
    }

    public String name() { return name; }
    public String policyId() { return policyId; }
    public State state() { return state; }
    public Instant startedAt() { return startedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant warnAt() { return warnAt; }
    public Instant warnedAt() { return warnedAt; }
    public Instant breachedAt() { return breachedAt; }
    public EscalationLevel level() { return level; }
    public Instant nextEscalationAt() { return nextEscalationAt; }
    public Instant stoppedAt() { return stoppedAt; }
    public String stopReason() { return stopReason; }
    public List<Pause> pauses() { return List.copyOf(pauses); }
    public List<ClockMetric> history() { return List.copyOf(history); }
}
