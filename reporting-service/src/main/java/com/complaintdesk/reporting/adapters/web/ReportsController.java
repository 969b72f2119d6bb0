package com.complaintdesk.reporting.adapters.web;

import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.adapters.export.OverdueReportExports;
import com.complaintdesk.reporting.adapters.export.MonthlyReportExports;
import com.complaintdesk.reporting.application.LedgerQueries;
import com.complaintdesk.reporting.application.LedgerRebuild;
import com.complaintdesk.reporting.application.MonthlyReportService;
import com.complaintdesk.reporting.application.OverdueReportService;
import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.reports.domain.MonthlyReport;
import com.complaintdesk.reporting.reports.domain.OverdueReport;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports: the monthly report (SPEC §3.18) as JSON, CSV or XLSX with charts; the daily overdue report for the
 * service supervisor (SPEC §3.17); and the ledger rebuild from offset zero.
 */
@RestController
public class ReportsController {

    private final MonthlyReportService monthly;
    private final MonthlyReportExports monthlyExports;
    private final OverdueReportService overdue;
    private final OverdueReportExports overdueExports;
    private final LedgerRebuild rebuild;
    private final LedgerQueries ledger;
    private final ReportingProperties properties;
    private final Clock clock;

    public ReportsController(MonthlyReportService monthly, MonthlyReportExports monthlyExports, OverdueReportService overdue,
                             OverdueReportExports overdueExports, LedgerRebuild rebuild, LedgerQueries ledger,
                             ReportingProperties properties, Clock clock) {
        this.monthly = monthly;
        this.monthlyExports = monthlyExports;
        this.overdue = overdue;
        this.overdueExports = overdueExports;
        this.rebuild = rebuild;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "The monthly report (SPEC §3.18) as json, csv or xlsx (charts: by category, daily received vs "
            + "resolved, timeliness by department)",
            description = "The stored report of a finished month; for a month not yet produced it is computed now and "
                    + "marked `provisional`. Produced automatically on the 1st after month end and announced with "
                    + "MonthlyReportPublished.")
    @GetMapping("/api/v1/reports/monthly/{month}")
    public ResponseEntity<?> monthly(@PathVariable String month, @RequestParam(defaultValue = "json") String format,
                                     CallerIdentity caller) {
        caller.require(properties.access().statisticsRoles().toArray(String[]::new));
        YearMonth m = StatisticsController.parseMonth(month);
        MonthlyReport whole = monthly.report(m);
        MonthlyReport report = whole.forReader(ledger.visible(
                whole.actions().stream().map(MonthlyReport.Action::complaintNumber).toList(), caller));
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            case "csv" -> LedgerController.file(monthlyExports.csv(report), "monthly-report-" + m + ".csv", "csv");
            case "xlsx" -> LedgerController.file(monthlyExports.xlsx(report), "monthly-report-" + m + ".xlsx", "xlsx");
            default -> throw ApiException.invalid("format", "must be json, csv or xlsx");
        };
    }

    /** Produces, stores and publishes a finished month's report now (normally done automatically after month end). */
    @PostMapping("/api/v1/reports/monthly/{month}")
    public ResponseEntity<MonthlyReport> produce(@PathVariable String month, CallerIdentity caller) {
        caller.require(properties.access().rebuildRoles().toArray(String[]::new));
        YearMonth m = StatisticsController.parseMonth(month);
        if (!m.isBefore(YearMonth.now(clock.withZone(properties.zone())))) {
            throw ApiException.illegalState("Only a finished month's report can be produced.", "MONTH_NOT_OVER");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(monthly.produce(m));
    }

    @Operation(summary = "The daily overdue report (SPEC §3.17): open complaints past a time limit, most overdue first",
            description = "Without `date`: computed now. With `date` (yyyy-MM-dd): the report produced that morning "
                    + "(reporting.overdue.daily-at, desk zone) and kept. Either way only the complaints of the caller's "
                    + "scope. `format` json, csv or xlsx.")
    @GetMapping("/api/v1/reports/overdue")
    public ResponseEntity<?> overdue(@RequestParam(defaultValue = "json") String format,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     CallerIdentity caller) {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(fmt)) {
            throw ApiException.invalid("format", "must be json, csv or xlsx");
        }
        OverdueReport report = date == null ? overdue.today(caller) : overdue.ofDay(date, caller);
        return switch (fmt) {
            case "csv" -> LedgerController.file(overdueExports.csv(report), "overdue-" + report.date() + ".csv", "csv");
            case "xlsx" -> LedgerController.file(overdueExports.xlsx(report), "overdue-" + report.date() + ".xlsx", "xlsx");
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    /** Rebuild the ledger and statistics from offset zero of every topic. 202 with the rebuild's status URL. */
    @PostMapping("/api/v1/ledger/rebuild")
    public ResponseEntity<Map<String, String>> rebuild(CallerIdentity caller) {
        caller.require(properties.access().rebuildRoles().toArray(String[]::new));
        String id = rebuild.start(caller.actor())
                .orElseThrow(() -> ApiException.illegalState("A rebuild is already running.", "REBUILDING"));
        String url = "/api/v1/ledger/rebuild/" + id;
        return ResponseEntity.accepted().header("Location", url).body(Map.of("rebuildId", id, "statusUrl", url));
    }

    @GetMapping("/api/v1/ledger/rebuild/{id}")
    public Document rebuildStatus(@PathVariable String id, CallerIdentity caller) {
        caller.require(properties.access().rebuildRoles().toArray(String[]::new));
        return rebuild.status(id).orElseThrow(() -> ApiException.notFound("Rebuild", id));
    }
}
