package com.complaintdesk.followup.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.followup.adapters.mongo.PolicyDocument;
import com.complaintdesk.followup.adapters.mongo.PolicyStore;
import com.complaintdesk.followup.application.Audience;
import com.complaintdesk.followup.application.FollowupProperties;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.followup.application.FollowupView;
import com.complaintdesk.followup.application.PolicyCache;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.followup.domain.FieldProblem;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.RevisitAnswer;
import com.complaintdesk.followup.domain.RevisitPolicy;
import com.complaintdesk.followup.domain.RevisitRoute;
import com.complaintdesk.followup.domain.RevisitRule;
import com.complaintdesk.followup.domain.SpecialReport;
import com.complaintdesk.followup.domain.UnreachableOutcome;
import com.complaintdesk.kit.audit.AuditTrail;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ProblemAdvice;
import com.complaintdesk.kit.web.RequestContextFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff API of follow-up: revisit lists and results, special reports, the policy (SPEC §3.14–3.16). */
@RestController
@Validated
@RequestMapping("/api/v1/followup")
public class FollowupController {

    static final String[] READERS = {Roles.SUPERVISOR, Roles.TRIAGE_OFFICER, Roles.DEPARTMENT_MANAGER, Roles.HQ_ANALYST};

    private final FollowupService followup;
    private final PolicyStore policies;
    /** what the use cases read the policy from: told of every replacement made here */
    private final PolicyCache policyCache;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final FollowupProperties properties;
    /** SPEC §7: every change is in the audit trail */
    private final AuditTrail audit;
    /** which cases a caller sees: the rule every service shares (README "Who sees what") */
    private final AccessSettings access;

    public FollowupController(FollowupService followup, PolicyStore policies, PolicyCache policyCache,
                              BusinessCalendar calendar, Clock clock, FollowupProperties properties, AuditTrail audit,
                              AccessSettings access) {
        this.policyCache = policyCache;
        this.audit = audit;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
        this.followup = followup;
        this.policies = policies;
        this.calendar = calendar;
    }

    /**
     * Revisits per assignee queue and due date, earliest first. {@code dueFrom}/{@code dueTo} are dates of the desk's
     * calendar (inclusive); {@code overdue=true} keeps only those past their deadline now; {@code status} defaults to
     * the open ones (REVISIT_DUE).
     */
    @GetMapping("/revisits")
    public List<FollowupView> revisits(@RequestParam(required = false) @Size(max = 64) String assignee,
                                       @RequestParam(required = false) List<FollowupStatus> status,
                                       @RequestParam(required = false) LocalDate dueFrom,
                                       @RequestParam(required = false) LocalDate dueTo,
                                       @RequestParam(defaultValue = "false") boolean overdue,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                       CallerIdentity caller) {
        caller.require(READERS);
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw ApiException.invalid("dueTo", "must not be before dueFrom");
        }
        Instant from = dueFrom == null ? null : dueFrom.atStartOfDay(calendar.zone()).toInstant();
        Instant before = dueTo == null ? null : dueTo.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        if (overdue) {
            // past the deadline now: SPEC §4 "revisit done within 2 working days", reported to the supervisor
            Instant now = clock.instant();
            before = before == null || now.isBefore(before) ? now : before;
        }
        List<FollowupStatus> statuses = status == null || status.isEmpty() ? List.of(FollowupStatus.REVISIT_DUE) : status;
        return followup.revisits(statuses, blankToNull(assignee), audience(caller), from, before, limit);
    }

    @GetMapping("/cases/{complaintId}")
    public FollowupView followupCase(@PathVariable String complaintId, CallerIdentity caller) {
        caller.require(READERS);
        return followup.view(complaintId, audience(caller));
    }

    /**
     * One revisit contact. {@code reached=false}: a failed attempt (after the policy's attempts: unreachable).
     * {@code reached=true}: {@code satisfaction} 1–5 required, {@code reason} required for a bad rating.
     */
    public record RevisitAttemptRequest(
            @NotNull Boolean reached,
            @Min(1) @Max(5) Integer satisfaction,
            @Size(max = 2000) String reason,
            @Size(max = 2000) String comment) {
    }

    @PostMapping(path = "/revisits/{complaintId}/attempts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public FollowupView recordAttempt(@PathVariable String complaintId, @Valid @RequestBody RevisitAttemptRequest body,
                                      CallerIdentity caller) {
        // the revisit's route names the one role that records it (desk, supervisor, or HR's manager for employees)
        caller.require(Roles.SUPERVISOR, Roles.TRIAGE_OFFICER, Roles.DEPARTMENT_MANAGER);
        if (!body.reached()) {
            // a rating belongs to a reached complainant: refuse rather than silently drop it
            List<FieldProblem> rating = new ArrayList<>();
            if (body.satisfaction() != null) {
                rating.add(new FieldProblem("satisfaction", "must not be given when reached is false"));
            }
            if (body.reason() != null) {
                rating.add(new FieldProblem("reason", "must not be given when reached is false"));
            }
            if (!rating.isEmpty()) {
                throw invalid("The request has invalid fields.", rating);
            }
        }
        RevisitAnswer answer = new RevisitAnswer(body.reached(), body.reached() ? body.satisfaction() : null,
                trim(body.reason()), trim(body.comment()), caller.actor(), false);
        FollowupView v = followup.recordRevisit(complaintId, answer, caller::hasRole, audience(caller),
                RequestContextFilter.currentCorrelationId());
        audit.record(caller, body.reached() ? "REVISIT_RECORDED" : "REVISIT_ATTEMPT_FAILED", complaintId,
                auditDetails("status", v.status().name(), "satisfaction", body.satisfaction()));
        return v;
    }

    /** Why a revisit held unreachable is closed without reaching the complainant (required). */
    public record CloseUnreachableRequest(
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Close a revisit held unreachable (policy HOLD) by the service supervisor's decision",
            description = "Only a case in `UNREACHABLE` (the policy's attempts ran out under `unreachableOutcome: HOLD`). "
                    + "`reason` is required. The revisit ends not reached: one `RevisitDone` (reached false, the "
                    + "decision in `comment`, `by` the caller), then `ComplaintClosed` — or, for a major or vicious "
                    + "complaint without its special report, `AWAITING_SPECIAL_REPORT` until the report is filed. "
                    + "Roles: `followup.hold.closed-by` (SUPERVISOR); for an employee's revisit HR's DEPARTMENT_MANAGER "
                    + "(`followup.hold.route-roles-that-close`); ADMIN. Another state → 409 with `currentStatus`; "
                    + "a case the caller may not see → 404.")
    @PostMapping(path = "/revisits/{complaintId}/close-unreachable", consumes = MediaType.APPLICATION_JSON_VALUE)
    public FollowupView closeUnreachable(@PathVariable String complaintId,
                                         @Valid @RequestBody CloseUnreachableRequest body, CallerIdentity caller) {
        caller.require(properties.hold().roles());
        FollowupView v = followup.closeUnreachable(complaintId, body.reason().strip(), caller.actor(), caller::hasRole,
                audience(caller), RequestContextFilter.currentCorrelationId());
        audit.record(caller, "REVISIT_CLOSED_UNREACHABLE", complaintId,
                auditDetails("status", v.status().name(), "reason", body.reason().strip()));
        return v;
    }

    /** 专项报告 (SPEC §3.16, seed 5.3.5): cause, handling, corrective and preventive actions. */
    public record SpecialReportRequest(
            @Size(max = SpecialReport.MAX_TEXT) String cause,
            @Size(max = SpecialReport.MAX_TEXT) String handling,
            @Size(max = SpecialReport.MAX_TEXT) String correctiveActions,
            @Size(max = SpecialReport.MAX_TEXT) String preventiveActions) {
    }

    @PostMapping(path = "/special-reports/{complaintId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FollowupView> fileSpecialReport(@PathVariable String complaintId,
                                                          @Valid @RequestBody SpecialReportRequest body,
                                                          CallerIdentity caller) {
        caller.require(Roles.TRIAGE_OFFICER, Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER);
        FollowupView v = followup.fileSpecialReport(complaintId, body.cause(), body.handling(), body.correctiveActions(),
                body.preventiveActions(), caller.actor(), audience(caller), RequestContextFilter.currentCorrelationId());
        audit.record(caller, "SPECIAL_REPORT_FILED", complaintId,
                auditDetails("reportId", v.specialReportId(), "status", v.status().name()));
        return ResponseEntity.created(URI.create("/api/v1/followup/special-reports/" + complaintId)).body(v);
    }

    @GetMapping("/special-reports/{complaintId}")
    public SpecialReport specialReport(@PathVariable String complaintId, CallerIdentity caller) {
        caller.require(READERS);
        return followup.specialReport(complaintId, audience(caller));
    }

    public record PolicyView(RevisitPolicy policy, String updatedBy, Instant updatedAt) {
        static PolicyView of(PolicyDocument d) {
            return new PolicyView(d.policy, d.updatedBy, d.updatedAt);
        }
    }

    /**
     * The policy as {@code GET /policy} returns it under {@code policy}. Numbers are boxed so that a missing one is
     * reported with the others (as out of range), not as the first unreadable field.
     */
    public record PolicyRequest(
            RevisitRule rule,
            Integer workingDays,
            Integer daysAfterReply,
            Integer maxAttempts,
            UnreachableOutcome unreachableOutcome,
            Integer satisfiedFrom,
            Integer escalateFromReopen,
            EscalationLevel escalateTo,
            Set<Severity> specialReportSeverities,
            Set<Flag> specialReportFlags,
            Map<ComplainantType, RevisitRoute> routes,
            RevisitRoute defaultRoute) {

        List<FieldProblem> nullElements() {
            List<FieldProblem> p = new ArrayList<>();
            if (specialReportSeverities != null && specialReportSeverities.contains(null)) {
                p.add(new FieldProblem("specialReportSeverities", "must not contain null"));
            }
            if (specialReportFlags != null && specialReportFlags.contains(null)) {
                p.add(new FieldProblem("specialReportFlags", "must not contain null"));
            }
            if (routes != null) {
                routes.forEach((type, route) -> {
                    if (route == null) {
                        p.add(new FieldProblem("routes." + type, "is required"));
                    }
                });
            }
            return p;
        }

        RevisitPolicy toPolicy() {
            return new RevisitPolicy(rule, orZero(workingDays), orZero(daysAfterReply), orZero(maxAttempts),
                    unreachableOutcome, orZero(satisfiedFrom), orZero(escalateFromReopen), escalateTo,
                    specialReportSeverities, specialReportFlags, routes, defaultRoute);
        }

        private static int orZero(Integer i) {
            return i == null ? 0 : i;
        }
    }

    @GetMapping("/policy")
    public PolicyView policy(CallerIdentity caller) {
        caller.require(READERS);
        return PolicyView.of(policies.current());
    }

    /**
     * Replaces the revisit and retry policy; takes effect for the next revisit scheduled or recorded here, and on the
     * other instances within {@code followup.policy-cache-ttl}.
     */
    @PutMapping(path = "/policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PolicyView replacePolicy(@RequestBody PolicyRequest body, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.SUPERVISOR);
        List<FieldProblem> problems = new ArrayList<>(body.nullElements());
        RevisitPolicy policy = null;
        if (problems.isEmpty()) {
            policy = body.toPolicy();
            problems.addAll(policy.problems());
        }
        if (!problems.isEmpty()) {
            throw invalid("The policy has invalid fields.", problems);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                PolicyView replaced = PolicyView.of(policies.replace(policies.current(), policy, caller.actor()));
                audit.record(caller, "REVISIT_POLICY_REPLACED", null, Map.of("policy", String.valueOf(policy)));
                return replaced;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            } finally {
                // this instance's next complaint reads the policy again (also after a failed save: the store may
                // hold a newer one than the policy kept)
                policyCache.invalidate();
            }
        }
    }

    /** A query parameter of the wrong type or value (a date, a status, a number): 400 naming the parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type == List.class && e.getParameter().getGenericParameterType() instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
            type = element;
        }
        String message;
        if (type != null && type.isEnum()) {
            message = "must be one of: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (type == LocalDate.class) {
            message = "must be a date like 2026-12-01";
        } else if (type == int.class || type == Integer.class || type == boolean.class) {
            message = "must be " + (type == boolean.class ? "true or false" : "a whole number");
        } else {
            message = "has the wrong format";
        }
        return ResponseEntity.badRequest().body(ProblemAdvice.invalid("The request has invalid fields.",
                List.of(Map.of("field", e.getName(), "message", message))));
    }

    private static ApiException invalid(String detail, List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail,
                Map.of("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList()));
    }

    /** Audit details without the absent values (Map.of takes no nulls). */
    static Map<String, Object> auditDetails(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        return m;
    }

    private Audience audience(CallerIdentity caller) {
        return Audience.of(caller, access);
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return trim(s);
    }

}
