package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.statistics.domain.Dimension;
import com.complaintdesk.reporting.statistics.domain.Statistics;
import com.complaintdesk.reporting.statistics.domain.StatisticsCalculator;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPEC §5 statistics from the pre-aggregated counters: whole calendar months read the monthly cells (a few hundred
 * documents per month whatever the number of complaints), other ranges read the daily cells.
 */
@Service
public class StatisticsService {

    private final CounterStore counters;
    private final ReportingProperties properties;

    public StatisticsService(CounterStore counters, ReportingProperties properties) {
        this.counters = counters;
        this.properties = properties;
    }

    public Statistics compute(LocalDate from, LocalDate to, String breakdown) {
        if (from == null || to == null) {
            throw ApiException.invalid(from == null ? "from" : "to", "is required (yyyy-MM-dd)");
        }
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.limits().maxStatisticsDays()) {
            throw ApiException.invalid("to", "the period may span at most " + properties.limits().maxStatisticsDays() + " days");
        }
        if (breakdown != null && !Dimension.BREAKDOWNS.contains(breakdown)) {
            throw ApiException.invalid("by", "must be one of " + String.join(", ", Dimension.BREAKDOWNS));
        }
        List<String> dims = breakdown == null ? List.of(Dimension.ALL) : List.of(Dimension.ALL, breakdown);
        List<CounterStore.Counter> cells;
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            cells = counters.read(CounterCells.MONTH, YearMonth.from(from).toString(), YearMonth.from(to).toString(), dims);
        } else {
            cells = counters.read(CounterCells.DAY, from.toString(), to.toString(), dims);
        }
        List<StatisticsCalculator.CellCount> counts = new ArrayList<>(cells.size());
        cells.forEach(c -> counts.add(new StatisticsCalculator.CellCount(c.metric(), c.dimension(), c.value(), c.count())));
        return StatisticsCalculator.compute(from, to, properties.zone().getId(), breakdown, counts);
    }

    public Statistics month(YearMonth month, String breakdown) {
        return compute(month.atDay(1), month.atEndOfMonth(), breakdown);
    }

    /** Per day of the period: the given metrics' totals (for the daily received-vs-resolved chart). */
    public Map<LocalDate, Map<String, Long>> daily(LocalDate from, LocalDate to, List<String> metrics) {
        Map<LocalDate, Map<String, Long>> out = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Long> zero = new TreeMap<>();
            metrics.forEach(m -> zero.put(m, 0L));
            out.put(d, zero);
        }
        for (CounterStore.Counter c : counters.read(CounterCells.DAY, from.toString(), to.toString(), List.of(Dimension.ALL))) {
            if (metrics.contains(c.metric())) {
                out.get(LocalDate.parse(c.period())).merge(c.metric(), c.count(), Long::sum);
            }
        }
        return out;
    }
}
