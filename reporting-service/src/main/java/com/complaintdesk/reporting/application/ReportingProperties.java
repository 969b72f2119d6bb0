package com.complaintdesk.reporting.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Everything about reporting that is policy, each overridable by environment variable
 * (e.g. {@code REPORTING_ZONE=Asia/Shanghai}, {@code REPORTING_ACCESS_STATISTICSROLES=SUPERVISOR,HQ_ANALYST}).
 */
@ConfigurationProperties("reporting")
public record ReportingProperties(
        /* the zone that decides the day and month an event counts in */
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Ledger ledger,
        @DefaultValue Access access,
        @DefaultValue Monthly monthly,
        @DefaultValue Overdue overdue,
        @DefaultValue Limits limits) {

    public record Ledger(
            /* the topics the ledger is built from (SPEC §6: reporting consumes everything) */
            @DefaultValue({"complaints.intake", "complaints.triage", "complaints.dispatch", "complaints.sla", "complaints.followup"})
            List<String> topics,
            /* event types on those topics that are not about one complaint (keyed by a date or period) */
            @DefaultValue({"DailyOverdueReport", "MonthlyReportPublished", "MonthlyReportOverdue"}) Set<String> ignoredTypes,
            @DefaultValue("RESOLUTION") Set<String> resolutionClocks,
            @DefaultValue("REVISIT") Set<String> postResolutionClocks,
            @DefaultValue("WORKPLACE") Set<String> confidentialCategories,
            @DefaultValue("HR") Set<String> confidentialDepartments,
            @DefaultValue("EMPLOYEE") Set<String> confidentialComplainantTypes,
            /* optimistic-locking retries when two instances update one complaint at once */
            @DefaultValue("20") int maxUpdateAttempts) {
    }

    /**
     * Who may use which reporting endpoint. Which complaints a caller then sees is the rule all services share
     * ({@code kit.web.ComplaintAccess}; HR departments: {@code kit.access.hr-departments}).
     */
    public record Access(
            @DefaultValue({"SUPERVISOR", "HQ_ANALYST", "ADMIN", "TRIAGE_OFFICER", "DEPARTMENT_MANAGER"}) Set<String> statisticsRoles,
            @DefaultValue("ADMIN") Set<String> rebuildRoles,
            @DefaultValue({"ADMIN", "SUPERVISOR"}) Set<String> auditRoles) {
    }

    public record Monthly(
            /* SPEC §3.18: the previous month's report is produced after month end, well before the 5th */
            @DefaultValue("true") boolean autoGenerate,
            @DefaultValue("10m") Duration checkInterval,
            /* hours after month end before the report is generated, to let late events of the last day arrive */
            @DefaultValue("1h") Duration graceAfterMonthEnd,
            @DefaultValue("/api/v1/reports/monthly/") String publicUrlPrefix,
            @DefaultValue("10") int topCauses) {
    }

    public record Overdue(
            /* SPEC §3.17: every day the open complaints past their time limit are reported to the service supervisor */
            @DefaultValue("true") boolean autoGenerate,
            /* the time of day (HH:mm, desk zone) from which the day's report is produced and kept */
            @DefaultValue("08:00") String dailyAt,
            @DefaultValue("5m") Duration checkInterval,
            /* how many days of produced reports are kept */
            @DefaultValue("400") int keepDays) {

        public LocalTime dailyTime() {
            return LocalTime.parse(dailyAt);
        }
    }

    public record Limits(
            @DefaultValue("200") int maxPageSize,
            @DefaultValue("50000") int maxExportRows,
            @DefaultValue("400") int maxStatisticsDays) {
    }
}
