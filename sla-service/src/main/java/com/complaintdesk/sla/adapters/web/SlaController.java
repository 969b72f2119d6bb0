package com.complaintdesk.sla.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;
import com.complaintdesk.sla.adapters.mongo.DailyReportDocument;
import com.complaintdesk.sla.adapters.mongo.PolicyStore.PolicyDocument;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.DailySupervision;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import com.complaintdesk.sla.application.PolicyService;
import com.complaintdesk.sla.domain.ClockMetric;
import com.complaintdesk.sla.domain.ComplaintSla;
import com.complaintdesk.sla.domain.Pause;
import com.complaintdesk.sla.domain.SlaClock;
import com.complaintdesk.sla.domain.SlaPolicy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Clocks, overdue list, daily reports and SLA policies, under /api/v1/sla (staff only). */
@RestController
@RequestMapping("/api/v1/sla")
public class SlaController {

    static final String[] READERS = {Roles.TRIAGE_OFFICER, Roles.HANDLER, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR,
            Roles.HQ_ANALYST};

    static final int MAX_OVERDUE = 10_000;

    private final ClockService clocks;
    private final DailySupervision daily;
    private final PolicyService policies;
    private final MonthlyReportWatch monthly;
    private final AccessSettings access;

    public SlaController(ClockService clocks, DailySupervision daily, PolicyService policies, MonthlyReportWatch monthly,
                         AccessSettings access) {
        this.clocks = clocks;
        this.daily = daily;
        this.policies = policies;
        this.monthly = monthly;
        this.access = access;
    }

    /**
     * The rule every service shares (README "Who sees what"): a handler or manager sees the clocks of their own
     * department's complaints; HR's (dispatched as confidential, workplace or employee) only HR staff see outside HR.
     */
    private boolean visible(ComplaintSla s, ComplaintAccess.Scope scope) {
        var f = s.facts();
        boolean confidential = s.confidential() || access.isConfidential(f.category(),
                f.complainantType() == null ? null : f.complainantType().name());
        return scope.permits(s.department(), confidential);
    }

    public record MonthlyDeadlineView(String period, Instant dueAt, Instant publishedAt, Instant overdueAt) {
    }

    /** SPEC §3.18: the deadline of a month's report to HQ, and whether it was met. */
    @GetMapping("/monthly-reports/{period}")
    public MonthlyDeadlineView monthlyReport(@PathVariable String period, CallerIdentity caller) {
        caller.require(READERS);
        return monthly.find(period).map(d -> new MonthlyDeadlineView(d.id, d.dueAt, d.publishedAt, d.overdueAt))
                .orElseThrow(() -> ApiException.notFound("Monthly report deadline", period));
    }

    public record ClockView(String clock, String policyId, String state, Instant startedAt, Instant dueAt,
                            Instant warnAt, Instant warnedAt, Instant breachedAt, String escalationLevel,
                            Instant nextEscalationAt, Instant stoppedAt, String stopReason, long pausedSeconds,
                            List<Pause> pauses, List<ClockMetric> history) {
        static ClockView of(SlaClock c) {
            return new ClockView(c.name(), c.policyId(), c.state().name(), c.startedAt(), c.dueAt(), c.warnAt(),
                    c.warnedAt(), c.breachedAt(), c.level() == null ? null : c.level().name(), c.nextEscalationAt(),
                    c.stoppedAt(), c.stopReason(), c.pausedSeconds(), c.pauses(), c.history());
        }
    }

    /** First-response and resolution times are stored explicitly (issue 8). */
    public record ComplaintClocksView(String complaintId, Instant receivedAt, Instant clockStartsAt, boolean outOfHours,
                                      Instant firstResponseAt, Instant acceptedAt, Instant resolvedAt, Instant closedAt,
                                      boolean awaitingDocuments, boolean overdue, Instant nextWakeAt,
                                      List<ClockView> clocks, List<ClockView> earlier) {
        static ComplaintClocksView of(ComplaintSla s) {
            return new ComplaintClocksView(s.complaintId(), s.facts().receivedAt(), s.facts().clockStartsAt(),
                    s.facts().outOfHours(), s.firstResponseAt(), s.acceptedAt(), s.resolvedAt(), s.closedAt(),
                    s.awaitingDocuments(), s.overdue(), s.nextWake(),
                    s.clocks().values().stream().map(ClockView::of).toList(),
                    s.finished().stream().map(ClockView::of).toList());
        }
    }

    public record OverdueView(String complaintId, List<String> clocks, Instant since) {
    }

    @GetMapping("/complaints/{complaintId}/clocks")
    public ComplaintClocksView clocks(@PathVariable String complaintId, CallerIdentity caller) {
        caller.require(READERS);
        ComplaintAccess.Scope scope = access.scopeOf(caller);
        // not visible and not there look the same
        return clocks.clocksOf(complaintId).filter(s -> visible(s, scope)).map(ComplaintClocksView::of)
                .orElseThrow(() -> ApiException.notFound("Complaint", complaintId));
    }

    /** SPEC §3.17: the complaints past a time limit right now. */
    @GetMapping("/overdue")
    public List<OverdueView> overdue(CallerIdentity caller, @RequestParam(defaultValue = "500") int limit) {
        caller.require(READERS);
        if (limit < 1 || limit > MAX_OVERDUE) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_OVERDUE);
        }
        ComplaintAccess.Scope scope = access.scopeOf(caller);
        // the scope is applied before the limit, so a department gets up to `limit` of its own overdue complaints
        return clocks.overdue(MAX_OVERDUE).stream().filter(d -> visible(d.sla, scope)).limit(limit)
                .map(d -> new OverdueView(d.id, d.overdueClocks, d.sla.clocks().values().stream().filter(SlaClock::overdue)
                        .map(SlaClock::dueAt).min(Instant::compareTo).orElse(null))).toList();
    }

    @GetMapping("/reports/daily/{date}")
    public DailyReportDocument dailyReport(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                           CallerIdentity caller) {
        caller.require(READERS);
        DailyReportDocument report = daily.report(date)
                .orElseThrow(() -> ApiException.notFound("Daily overdue report", date.toString()));
        ComplaintAccess.Scope scope = access.scopeOf(caller);
        if (!scope.unrestricted()) {
            // the day's report lists every overdue complaint; each reader gets the ones they may see (not saved)
            report.overdue = report.overdue.stream().filter(e -> clocks.clocksOf(e.complaintId())
                    .map(s -> visible(s, scope)).orElse(false)).toList();
        }
        return report;
    }

    @GetMapping("/policies")
    public List<PolicyDocument> policies(CallerIdentity caller) {
        caller.require(READERS);
        return policies.all();
    }

    @GetMapping("/policies/{id}")
    public PolicyDocument policy(@PathVariable String id, CallerIdentity caller) {
        caller.require(READERS);
        return policies.get(id);
    }

    /** SLA targets are data: HQ or an administrator edits them. */
    @PutMapping("/policies/{id}")
    public PolicyDocument putPolicy(@PathVariable String id, @RequestBody SlaPolicy policy, CallerIdentity caller) {
        caller.require(Roles.HQ_ANALYST);
        return policies.put(id, policy, caller.actor());
    }
}
