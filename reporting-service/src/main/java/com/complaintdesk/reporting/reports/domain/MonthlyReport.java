package com.complaintdesk.reporting.reports.domain;

import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.statistics.domain.Statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SPEC §3.18 monthly report (月度报告) for HQ: counts by category, handling and timeliness rates, revisits, SLA
 * breaches and escalations, cause analysis and the corrective / preventive actions taken. {@code provisional} is true
 * when the month was not over at generation time.
 */
public record MonthlyReport(
        String period,
        LocalDate from,
        LocalDate to,
        String zone,
        Instant generatedAt,
        boolean provisional,
        Figures totals,
        Map<String, List<Statistics.Group>> breakdowns,
        List<DailyPoint> daily,
        Map<String, Long> slaBreachesByLevel,
        Map<String, Long> slaBreachesByClock,
        Map<String, Long> escalationsByLevel,
        List<CauseCount> topCauses,
        List<Action> actions,
        Map<String, String> definitions) {

    /**
     * The report as one reader may see it: the actions of the complaints in {@code visible} only (SPEC §7: an action
     * names a complaint, its cause and measures; another department's or HR's are not the reader's). The counts stay.
     */
    public MonthlyReport forReader(Set<String> visible) {
        return new MonthlyReport(period, from, to, zone, generatedAt, provisional, totals, breakdowns, daily,
                slaBreachesByLevel, slaBreachesByClock, escalationsByLevel, topCauses,
                actions.stream().filter(a -> visible.contains(a.complaintNumber())).toList(), definitions);
    }

    public record DailyPoint(LocalDate day, long received, long resolved) {
    }

    public record CauseCount(String cause, long complaints) {
    }

    /** A corrective or preventive action taken on a complaint resolved in the month. */
    public record Action(String complaintNumber, String category, String department, String cause, List<String> measures) {
    }
}
