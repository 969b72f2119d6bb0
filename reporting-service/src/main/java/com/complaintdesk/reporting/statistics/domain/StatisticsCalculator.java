package com.complaintdesk.reporting.statistics.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns summed counter cells into {@link Statistics}: totals from the "all" cells, groups from the breakdown's cells. */
public final class StatisticsCalculator {

    private StatisticsCalculator() {
    }

    /** One summed cell: metric, dimension, value, count. */
    public record CellCount(String metric, String dimension, String value, long count) {
    }

    public static Statistics compute(LocalDate from, LocalDate to, String zone, String breakdown, List<CellCount> cells) {
        Map<String, Long> totals = new HashMap<>();
        Map<String, Map<String, Long>> groups = new TreeMap<>();
        for (CellCount c : cells) {
            if (Dimension.ALL.equals(c.dimension())) {
                totals.merge(c.metric(), c.count(), Long::sum);
            } else if (c.dimension().equals(breakdown)) {
                groups.computeIfAbsent(c.value(), k -> new HashMap<>()).merge(c.metric(), c.count(), Long::sum);
            }
        }
        List<Statistics.Group> out = new ArrayList<>();
        // a group whose every count is zero says nothing: a complaint counted under UNKNOWN until it was dispatched
        // and then moved to its department leaves one behind, a rebuild (which applies both at once) does not
        groups.forEach((key, counts) -> {
            if (counts.values().stream().anyMatch(n -> n != 0)) {
                out.add(new Statistics.Group(key, Figures.of(counts)));
            }
        });
        out.sort(Comparator.comparingLong((Statistics.Group g) -> -g.figures().count(Metric.RECEIVED.key()))
                .thenComparing(g -> -g.figures().count(Metric.INVESTIGATED.key()))
                .thenComparing(Statistics.Group::key));
        return new Statistics(from, to, zone, breakdown, Figures.of(totals), breakdown == null ? List.of() : out,
                Figures.definitions());
    }
}
