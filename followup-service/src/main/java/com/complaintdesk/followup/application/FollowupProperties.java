package com.complaintdesk.followup.application;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.followup.domain.RevisitPolicy;
import com.complaintdesk.followup.domain.RevisitRoute;
import com.complaintdesk.followup.domain.RevisitRule;
import com.complaintdesk.followup.domain.UnreachableOutcome;
import com.complaintdesk.followup.domain.VerificationLockout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Settings of follow-up, each overridable by environment variable (e.g. {@code FOLLOWUP_POLICY_MAXATTEMPTS=5}).
 * {@code policy} is the policy a fresh install starts with; once stored, the stored one (editable through
 * {@code PUT /api/v1/followup/policy}) is used.
 */
@ConfigurationProperties("followup")
public record FollowupProperties(
        /* salts the digests of the complainant's second factor (env FOLLOWUP_CONTACTDIGESTSECRET). No default: without
           it follow-up does not start; only the local and test profiles carry a development secret. */
        String contactDigestSecret,
        @DefaultValue BusinessHours businessHours,
        @DefaultValue Policy policy,
        @DefaultValue Verification verification,
        @DefaultValue Access access,
        @DefaultValue Hold hold,
        /* how long this instance keeps the stored policy in memory for the complaints it handles (issue 7: it was
           one store read per policy use). A change through this instance's PUT /policy is used at once; another
           instance's within this time. 0: read for every use. Env FOLLOWUP_POLICYCACHETTL. */
        @DefaultValue("2s") Duration policyCacheTtl,
        /* how many complaints' cases this instance remembers as it last wrote them, so the listener applies a
           complaint's next event without reading its case first (issue 7; a write on a remembered case is conditioned
           on its version, so one changed elsewhere is read after all). 0: read for every event. Env
           FOLLOWUP_RECENTCASES. */
        @DefaultValue("4096") int recentCases) {

    /**
     * Who closes a revisit held unreachable (policy HOLD) by decision, e.g. {@code FOLLOWUP_HOLD_CLOSEDBY=SUPERVISOR}.
     * {@code closedBy}: the service supervisor (SPEC §3.14, §4: an unfinished revisit goes to the supervisor).
     * {@code routeRolesThatClose}: a revisit route's role whose holder also closes the held revisits of that route —
     * HR's manager for employees (SPEC §3.20: only HR sees them, so a supervisor outside HR cannot).
     */
    public record Hold(
            @DefaultValue("SUPERVISOR") Set<String> closedBy,
            @DefaultValue("DEPARTMENT_MANAGER") Set<String> routeRolesThatClose) {

        /** Every role that may close some held revisit (the route's own check follows, per case). */
        public String[] roles() {
            return java.util.stream.Stream.concat(closedBy.stream(), routeRolesThatClose.stream()).distinct()
                    .toArray(String[]::new);
        }

        /** Whether a caller with these roles may close a held revisit of the route whose role is {@code routeRole}. */
        public boolean mayClose(java.util.function.Predicate<String> hasRole, String routeRole) {
            return closedBy.stream().anyMatch(hasRole)
                    || routeRole != null && routeRolesThatClose.contains(routeRole) && hasRole.test(routeRole);
        }
    }

    /**
     * SPEC §3.20, §7: which cases are HR's (employee and workplace complaints; the same defaults as reporting's
     * ledger). Who then sees them is the rule every service shares ({@code kit.web.ComplaintAccess}; HR departments:
     * {@code kit.access.hr-departments}).
     */
    public record Access(
            @DefaultValue("WORKPLACE") Set<String> confidentialCategories,
            @DefaultValue("EMPLOYEE") Set<ComplainantType> confidentialComplainantTypes,
            @DefaultValue("HR") Set<String> confidentialDepartments) {
    }

    /**
     * SPEC §7: bounded guesses of the complainant's second factor on the revisit answer, per complaint number and
     * across instances (stored in MongoDB), e.g. {@code FOLLOWUP_VERIFICATION_MAXFAILURES=5}. The gateway has its
     * own limit per instance; this one also holds behind several gateways or for callers inside the cluster.
     */
    public record Verification(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockFor) {

        public VerificationLockout.Limit limit() {
            return new VerificationLockout.Limit(maxFailures, window, lockFor);
        }
    }

    public record BusinessHours(
            @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue("09:00") LocalTime open,
            @DefaultValue("18:00") LocalTime close,
            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> weekdays) {
    }

    public record Policy(
            @DefaultValue("WORKING_DAYS_AFTER_COMPLETION") RevisitRule rule,
            @DefaultValue("2") int workingDays,
            @DefaultValue("3") int daysAfterReply,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("CLOSE") UnreachableOutcome unreachableOutcome,
            @DefaultValue("3") int satisfiedFrom,
            @DefaultValue("2") int escalateFromReopen,
            @DefaultValue("DEPARTMENT_MANAGER") EscalationLevel escalateTo,
            @DefaultValue("MAJOR") Set<Severity> specialReportSeverities,
            @DefaultValue("EXTREME_BEHAVIOUR") Set<Flag> specialReportFlags,
            /* per complainant type; application.yml routes ANCHOR_TENANT to the service supervisor in person */
            Map<ComplainantType, RevisitRoute> routes,
            @DefaultValue Route defaultRoute) {

        public RevisitPolicy toPolicy() {
            return new RevisitPolicy(rule, workingDays, daysAfterReply, maxAttempts, unreachableOutcome, satisfiedFrom,
                    escalateFromReopen, escalateTo, specialReportSeverities, specialReportFlags, routes,
                    new RevisitRoute(defaultRoute.method(), defaultRoute.assignee(), defaultRoute.role()));
        }
    }

    /** SPEC §3.14: everyone but anchor tenants and investors is revisited by the service desk, by phone or visit. */
    public record Route(
            @DefaultValue("PHONE_OR_VISIT") String method,
            @DefaultValue("SERVICE_DESK") String assignee,
            @DefaultValue("TRIAGE_OFFICER") String role) {
    }
}
