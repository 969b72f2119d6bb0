package com.complaintdesk.reporting.statistics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of SPEC §5 for one period and one group: the counts of {@link Metric} and the rates derived from
 * them. A rate whose denominator is zero is {@code null} ("no data"), never 0 % or 100 %.
 */
public record Figures(Map<String, Long> counts, Map<String, Double> rates) {

    /** The rates of SPEC §5 with their exact definitions. */
    public enum Rate {
        HANDLING_RATE("handlingRate", "resolved", "accepted",
                "处理率 = complaints resolved in the period / complaints accepted in the period (SPEC §5; may exceed 1 when earlier complaints are resolved in this period)."),
        TIMELINESS_RATE("timelinessRate", "resolvedOnTime", "resolved",
                "及时率 = complaints resolved in the period within their deadline / complaints resolved in the period."),
        REVISIT_RATE("revisitRate", "revisited", "resolved",
                "回访率 = complaints revisited in the period / complaints resolved in the period."),
        REVISIT_ON_TIME_RATE("revisitOnTimeRate", "revisitedOnTime", "revisited",
                "回访及时率 = complaints revisited on time / complaints revisited, in the period."),
        SATISFACTION_RATE("satisfactionRate", "satisfied", "revisitReached",
                "满意率 = complaints satisfied at the first revisit / complaints whose first revisit reached the complainant, in the period (an unreachable complainant gave no answer, so is in neither)."),
        REOPEN_RATE("reopenRate", "reopened", "resolved",
                "重新处理率 = reopenings in the period / complaints resolved in the period.");

        private final String key;
        private final String numerator;
        private final String denominator;
        private final String definition;

        Rate(String key, String numerator, String denominator, String definition) {
            this.key = key;
            this.numerator = numerator;
            this.denominator = denominator;
            this.definition = definition;
        }

        public String key() {
            return key;
        }

        public String definition() {
            return definition;
        }
    }

    public static Figures of(Map<String, Long> counts) {
        Map<String, Long> all = new TreeMap<>();
        for (Metric m : Metric.values()) {
            all.put(m.key(), 0L);
        }
        all.putAll(counts);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Rate r : Rate.values()) {
            long num = all.getOrDefault(r.numerator, 0L);
            long den = all.getOrDefault(r.denominator, 0L);
            rates.put(r.key, den == 0 ? null
                    : BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), 4, RoundingMode.HALF_UP).doubleValue());
        }
        return new Figures(all, rates);
    }

    public long count(String metric) {
        return counts.getOrDefault(metric, 0L);
    }

    public Double rate(Rate rate) {
        return rates.get(rate.key());
    }

    /** Every definition, for the API docs and the report's definitions sheet. */
    public static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            d.put(m.key(), m.definition());
        }
        d.put("slaBreaches.level.<LEVEL>", "SLA breaches by the escalation level reached (HANDLER, SERVICE_SUPERVISOR, DEPARTMENT_MANAGER, HQ).");
        d.put("slaBreaches.clock.<CLOCK>", "SLA breaches by clock (SPEC §4).");
        d.put("escalations.level.<LEVEL>", "Escalations by level of the ladder handler → supervisor → manager → HQ.");
        for (Rate r : Rate.values()) {
            d.put(r.key(), r.definition());
        }
        return d;
    }
}
