package com.complaintdesk.reporting.statistics.domain;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Pre-aggregated counters: each fact increments one cell per breakdown, at day and at month granularity, so the
 * statistics of a month read a few hundred cells instead of every complaint (issue 6 "Cost").
 * Cell id: {@code granularity|period|metric|dimension|value}, e.g. {@code M|2026-11|received|category|PRODUCT_QUALITY}.
 */
public final class CounterCells {

    public static final String DAY = "D";
    public static final String MONTH = "M";
    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM");

    private CounterCells() {
    }

    public record Cell(String granularity, String period, String metric, String dimension, String value) {
        public String id() {
            return granularity + "|" + period + "|" + metric + "|" + dimension + "|" + value;
        }
    }

    public static Map<Cell, Integer> cells(Collection<Fact> facts) {
        Map<Cell, Integer> out = new HashMap<>();
        for (Fact f : facts) {
            String day = f.day().toString();
            String month = f.day().format(MONTH_FORMAT);
            for (String[] dim : f.dimensions()) {
                out.merge(new Cell(DAY, day, f.metric(), dim[0], dim[1]), 1, Integer::sum);
                out.merge(new Cell(MONTH, month, f.metric(), dim[0], dim[1]), 1, Integer::sum);
            }
        }
        return out;
    }

    /** What to add to each cell to go from the old facts of a complaint to its new facts; zero deltas left out. */
    public static Map<Cell, Integer> delta(Collection<Fact> before, Collection<Fact> after) {
        Map<Cell, Integer> delta = new HashMap<>(cells(after));
        cells(before).forEach((cell, n) -> delta.merge(cell, -n, Integer::sum));
        delta.values().removeIf(n -> n == 0);
        return delta;
    }
}
