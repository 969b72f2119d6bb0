package com.complaintdesk.reporting.statistics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The SPEC §5 figures for a period: the totals and, when a breakdown was asked for, one group per value of it
 * (largest first by received). Definitions travel with the figures so a reader needs no other document.
 */
public record Statistics(LocalDate from, LocalDate to, String zone, String breakdown, Figures totals, List<Group> groups,
                         Map<String, String> definitions) {

    public record Group(String key, Figures figures) {
    }
}
