package com.complaintdesk.reporting.adapters.web;

import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.application.StatisticsService;
import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.statistics.domain.Statistics;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * SPEC §5 statistics. {@code GET /api/v1/statistics?from=2026-11-01&to=2026-11-30&by=category} — every count and
 * rate for the period, in total and per value of the breakdown ({@code category, channel, department, severity,
 * complainantType, cause}). Exact definitions: {@code GET /api/v1/statistics/definitions}, also in every answer.
 */
@RestController
@RequestMapping("/api/v1/statistics")
public class StatisticsController {

    private final StatisticsService statistics;
    private final ReportingProperties properties;

    public StatisticsController(StatisticsService statistics, ReportingProperties properties) {
        this.statistics = statistics;
        this.properties = properties;
    }

    @Operation(summary = "SPEC §5 figures for a period, in total and per value of one breakdown",
            description = "`from` and `to` are days (yyyy-MM-dd, inclusive) in the desk's zone; `by` is one of category, "
                    + "channel, department, severity, complainantType, cause (groups largest first). For SUPERVISOR, "
                    + "HQ_ANALYST, ADMIN, TRIAGE_OFFICER, DEPARTMENT_MANAGER. Every answer carries `definitions`.")
    @GetMapping
    public Statistics period(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String by, CallerIdentity caller) {
        caller.require(properties.access().statisticsRoles().toArray(String[]::new));
        return statistics.compute(from, to, by);
    }

    @Operation(summary = "SPEC §5 figures of one calendar month (yyyy-MM), read from the monthly counters")
    @GetMapping("/monthly/{month}")
    public Statistics month(@PathVariable String month, @RequestParam(required = false) String by, CallerIdentity caller) {
        caller.require(properties.access().statisticsRoles().toArray(String[]::new));
        return statistics.month(parseMonth(month), by);
    }

    @Operation(summary = "The exact definition of every figure and rate")
    @GetMapping("/definitions")
    public Map<String, String> definitions() {
        return Figures.definitions();
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw com.complaintdesk.kit.web.ApiException.invalid("month", "must be a month as yyyy-MM, e.g. 2026-11");
        }
    }
}
