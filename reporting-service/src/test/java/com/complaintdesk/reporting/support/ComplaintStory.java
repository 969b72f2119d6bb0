package com.complaintdesk.reporting.support;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.EventTypes;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.IntakeEvents;
import com.complaintdesk.contracts.events.SlaEvents;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An Object Mother for one complaint's life: each step appends the envelope the owning service would publish,
 * on that service's topic, at a time that moves forward.
 */
public final class ComplaintStory {

    public record Published(String topic, EventEnvelope<?> envelope) {
    }

    private final String number;
    private Instant at;
    private final List<Published> events = new ArrayList<>();

    public ComplaintStory(String number, Instant start) {
        this.number = number;
        this.at = start;
    }

    public String number() {
        return number;
    }

    public List<Published> events() {
        return events;
    }

    public Instant now() {
        return at;
    }

    public ComplaintStory after(Duration d) {
        at = at.plus(d);
        return this;
    }

    public ComplaintStory on(String topic, ComplaintEvent payload) {
        events.add(new Published(topic, new EventEnvelope<>(UUID.randomUUID(), EventTypes.nameOf(payload.getClass()),
                payload.schemaVersion(), at, number, "corr-" + number, producerOf(topic), payload)));
        at = at.plusSeconds(60);
        return this;
    }

    public ComplaintStory received(Channel channel, ComplainantType type) {
        return on(Topics.INTAKE, new IntakeEvents.ComplaintReceived(number, channel,
                new Complainant("张三", "13800138000", "zs@example.com", type, "key-" + number),
                "电饭煲不能加热,电话13800138000", "3F 家电区", at, at, null, List.of(), null, List.of(), "desk-07", false, at));
    }

    public ComplaintStory accepted() {
        return on(Topics.TRIAGE, new TriageEvents.ComplaintAccepted("officer-1", null));
    }

    public ComplaintStory rejected() {
        return on(Topics.TRIAGE, new TriageEvents.ComplaintRejected("OUT_OF_SCOPE", "不在受理范围", "officer-1"));
    }

    public ComplaintStory transferred() {
        return on(Topics.TRIAGE, new TriageEvents.ComplaintTransferred("消协", "外部机构处理", "officer-1"));
    }

    public ComplaintStory triaged(String category, Severity severity, Flag... flags) {
        return on(Topics.TRIAGE, new TriageEvents.ComplaintTriaged(category, severity, Liability.LIABLE,
                Set.of(flags), List.of("rule"), null, "3F 家电区"));
    }

    public ComplaintStory reclassified(String category, Severity severity) {
        return on(Topics.TRIAGE, new TriageEvents.ComplaintReclassified(category, severity, Liability.LIABLE, null, "officer-2", "fix"));
    }

    public ComplaintStory dispatched(String department, String handler) {
        return on(Topics.DISPATCH, new DispatchEvents.ComplaintDispatched(department, handler, null, null, null,
                false, false, false, "least workload"));
    }

    /** As dispatch-service publishes it: the whole assignment, {@code handler} null when it waits in the queue. */
    public ComplaintStory dispatched(String department, String handler, String supervisor, Severity severity) {
        return on(Topics.DISPATCH, new DispatchEvents.ComplaintDispatched(department, handler, supervisor, null, severity,
                false, false, handler == null, handler == null ? "nobody on duty" : "least workload"));
    }

    /** As dispatch-service publishes it since dispatches are numbered: why (kind) and which one (sequence). */
    public ComplaintStory dispatched(DispatchEvents.ComplaintDispatched.Kind kind, int sequence, String department,
                                     String handler) {
        return on(Topics.DISPATCH, new DispatchEvents.ComplaintDispatched(department, handler, null, null, null,
                false, false, handler == null, kind.name().toLowerCase(java.util.Locale.ROOT), kind, sequence));
    }

    /** dispatch-service's transfer: DepartmentTransferred and the new ComplaintDispatched, at one instant. */
    public ComplaintStory departmentTransferred(String from, String fromHandler, String to, String toHandler) {
        return together(s -> s.on(Topics.DISPATCH, new DispatchEvents.DepartmentTransferred(from, to, fromHandler, toHandler,
                "wrong department", "mgr")).dispatched(to, toHandler, null, null));
    }

    /** followup-service's reopen after an unsatisfied revisit; dispatch-service then dispatches it again. */
    public ComplaintStory reopened(int count, String department, String resolvedBy) {
        return on(Topics.FOLLOWUP, new FollowupEvents.ComplaintReopened("not satisfied", count, department, resolvedBy,
                count >= 2 ? EscalationLevel.DEPARTMENT_MANAGER : null));
    }

    public ComplaintStory revisitUnreachable() {
        on(Topics.FOLLOWUP, new FollowupEvents.RevisitAttemptFailed(1, 3, "no answer", "desk"));
        return on(Topics.FOLLOWUP, new FollowupEvents.RevisitDone(false, null, false, "unreachable after 3 attempts", "desk", true));
    }

    /** sla-service announces a clock again with the same start and a moved deadline (resume, reclassification). */
    public ComplaintStory clockAgain(String clock, Instant startedAt, Instant dueAt) {
        return on(Topics.SLA, new SlaEvents.SlaClockStarted(clock, startedAt, dueAt));
    }

    /** Several events stamped with one instant, as a service publishes the events of one command. */
    public ComplaintStory together(java.util.function.Consumer<ComplaintStory> steps) {
        Instant start = at;
        int before = events.size();
        steps.accept(this);
        for (int i = before; i < events.size(); i++) {
            EventEnvelope<?> e = events.get(i).envelope();
            events.set(i, new Published(events.get(i).topic(), new EventEnvelope<>(e.eventId(), e.type(), e.schemaVersion(),
                    start, e.complaintId(), e.correlationId(), e.producer(), e.payload())));
        }
        at = start.plusSeconds(60);
        return this;
    }

    public ComplaintStory resolutionClock(Duration target) {
        return on(Topics.SLA, new SlaEvents.SlaClockStarted("RESOLUTION", at, at.plus(target)));
    }

    public ComplaintStory revisitClock(Duration target) {
        return on(Topics.SLA, new SlaEvents.SlaClockStarted("REVISIT", at, at.plus(target)));
    }

    public ComplaintStory breached(String clock, EscalationLevel level) {
        return on(Topics.SLA, new SlaEvents.SlaBreached(clock, at, level));
    }

    public ComplaintStory escalated(String clock, EscalationLevel level) {
        return on(Topics.SLA, new SlaEvents.SlaEscalated(clock, level, "SUPERVISOR", null));
    }

    public ComplaintStory stopped(String clock, boolean breached) {
        return on(Topics.SLA, new SlaEvents.SlaClockStopped(clock, at, breached));
    }

    public ComplaintStory investigated(String cause) {
        return on(Topics.DISPATCH, new DispatchEvents.InvestigationRecorded(cause, "vendor", "li", "found", "h1"));
    }

    public ComplaintStory proposed() {
        return on(Topics.DISPATCH, new DispatchEvents.SolutionProposed(
                List.of(new SolutionItem(SolutionKind.REPLACEMENT, "换新", null)), false, List.of(), EscalationLevel.HANDLER, "h1"));
    }

    public ComplaintStory appealed() {
        return on(Topics.DISPATCH, new DispatchEvents.SolutionRejected("不满意", EscalationLevel.DEPARTMENT_MANAGER));
    }

    public ComplaintStory solutionAccepted() {
        return on(Topics.DISPATCH, new DispatchEvents.SolutionAccepted("ok"));
    }

    public ComplaintStory preventive(String measure) {
        return on(Topics.DISPATCH, new DispatchEvents.PreventiveMeasureRecorded(measure, "h1"));
    }

    public ComplaintStory resolved() {
        return on(Topics.DISPATCH, new DispatchEvents.ComplaintResolved("换新完成", "抱歉", "加强检验", "h1", null, null));
    }

    public ComplaintStory revisited(boolean satisfied, boolean onTime) {
        return on(Topics.FOLLOWUP, new FollowupEvents.RevisitDone(true, satisfied ? 5 : 2, satisfied, "", "desk", onTime));
    }

    public ComplaintStory reopened() {
        return on(Topics.FOLLOWUP, new FollowupEvents.ComplaintReopened("not satisfied", 1, null));
    }

    public ComplaintStory urged() {
        return on(Topics.INTAKE, new IntakeEvents.ComplaintUrged(1, "快点"));
    }

    public ComplaintStory closed() {
        return on(Topics.FOLLOWUP, new FollowupEvents.ComplaintClosed("satisfied"));
    }

    public ComplaintStory collective(String caseId) {
        return on(Topics.TRIAGE, new TriageEvents.CollectiveCaseOpened(caseId, "PRODUCT_QUALITY", "3F", List.of(number)));
    }

    private static String producerOf(String topic) {
        return topic.replace("complaints.", "") + "-service";
    }
}
