package com.complaintdesk.followup.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.calendar.BusinessCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The follow-up policy, as data (loaded at start, stored, editable through the API).
 *
 * @param rule                   how the revisit deadline is counted
 * @param workingDays            SPEC §3.14 / seed 6.5.2: within 2 working days after completion
 * @param daysAfterReply         seed 4.3: within 3 days after the reply
 * @param maxAttempts            unreachable after this many failed contact attempts
 * @param unreachableOutcome     what an unreachable complainant's case becomes
 * @param satisfiedFrom          ratings (1–5) at or above this count as satisfied; below is a bad rating that needs a reason
 * @param escalateFromReopen     the reopen count from which a reopen escalates (issue 5: the second one)
 * @param escalateTo             to whom such a reopen escalates
 * @param specialReportSeverities severities that need a special report before closing (SPEC §3.16)
 * @param specialReportFlags     flags that make a complaint vicious, needing a special report too
 * @param routes                 who revisits which complainant type, and how (SPEC §3.14, seed 6.5.3)
 * @param defaultRoute           the route of every other complainant type
 */
public record RevisitPolicy(
        RevisitRule rule,
        int workingDays,
        int daysAfterReply,
        int maxAttempts,
        UnreachableOutcome unreachableOutcome,
        int satisfiedFrom,
        int escalateFromReopen,
        EscalationLevel escalateTo,
        Set<Severity> specialReportSeverities,
        Set<Flag> specialReportFlags,
        Map<ComplainantType, RevisitRoute> routes,
        RevisitRoute defaultRoute) {

    public static final int MIN_RATING = 1;
    public static final int MAX_RATING = 5;

    public RevisitPolicy {
        specialReportSeverities = specialReportSeverities == null ? Set.of() : Set.copyOf(specialReportSeverities);
        specialReportFlags = specialReportFlags == null ? Set.of() : Set.copyOf(specialReportFlags);
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /** Every broken field, empty when the policy can be used. */
    public List<FieldProblem> problems() {
        List<FieldProblem> p = new ArrayList<>();
        if (rule == null) {
            p.add(new FieldProblem("rule", "must be one of: WORKING_DAYS_AFTER_COMPLETION, DAYS_AFTER_REPLY, EARLIER_OF_BOTH"));
        }
        if (workingDays < 1 || workingDays > 30) {
            p.add(new FieldProblem("workingDays", "must be between 1 and 30"));
        }
        if (daysAfterReply < 1 || daysAfterReply > 60) {
            p.add(new FieldProblem("daysAfterReply", "must be between 1 and 60"));
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            p.add(new FieldProblem("maxAttempts", "must be between 1 and 10"));
        }
        if (unreachableOutcome == null) {
            p.add(new FieldProblem("unreachableOutcome", "must be one of: CLOSE, HOLD"));
        }
        if (satisfiedFrom < MIN_RATING + 1 || satisfiedFrom > MAX_RATING) {
            p.add(new FieldProblem("satisfiedFrom", "must be between 2 and 5"));
        }
        if (escalateFromReopen < 1) {
            p.add(new FieldProblem("escalateFromReopen", "must be at least 1"));
        }
        if (escalateTo == null) {
            p.add(new FieldProblem("escalateTo", "must be one of: HANDLER, SERVICE_SUPERVISOR, DEPARTMENT_MANAGER, HQ"));
        }
        checkRoute("defaultRoute", defaultRoute, p);
        routes.forEach((type, route) -> checkRoute("routes." + type, route, p));
        return p;
    }

    private static void checkRoute(String field, RevisitRoute route, List<FieldProblem> p) {
        if (route == null) {
            p.add(new FieldProblem(field, "is required"));
            return;
        }
        if (blank(route.method())) {
            p.add(new FieldProblem(field + ".method", "is required"));
        }
        if (blank(route.assignee())) {
            p.add(new FieldProblem(field + ".assignee", "is required"));
        }
        if (blank(route.role())) {
            p.add(new FieldProblem(field + ".role", "is required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** SPEC §3.14: when the revisit of a complaint resolved (and told to the complainant) at {@code resolvedAt} is due. */
    public Instant dueAt(Instant resolvedAt, BusinessCalendar calendar) {
        Instant byWorkingDays = calendar.endOfWorkingDaysAfter(resolvedAt, workingDays);
        Instant byReply = resolvedAt.plus(Duration.ofDays(daysAfterReply));
        return switch (rule) {
            case WORKING_DAYS_AFTER_COMPLETION -> byWorkingDays;
            case DAYS_AFTER_REPLY -> byReply;
            case EARLIER_OF_BOTH -> byWorkingDays.isBefore(byReply) ? byWorkingDays : byReply;
        };
    }

    /** SPEC §3.14: anchor tenants and investors in person by the service supervisor; others by the desk. */
    public RevisitRoute routeFor(ComplainantType type) {
        RevisitRoute r = type == null ? null : routes.get(type);
        return r != null ? r : defaultRoute;
    }

    public boolean isSatisfied(int rating) {
        return rating >= satisfiedFrom;
    }

    /** SPEC §3.16: a major or vicious complaint needs its special report before it can be closed. */
    public boolean needsSpecialReport(Severity severity, Set<Flag> flags) {
        if (severity != null && specialReportSeverities.contains(severity)) {
            return true;
        }
        return flags != null && flags.stream().anyMatch(specialReportFlags::contains);
    }
}
