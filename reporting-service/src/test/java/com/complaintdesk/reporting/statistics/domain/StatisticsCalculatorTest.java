package com.complaintdesk.reporting.statistics.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsCalculatorTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 1, 31);

    @Test
    void a_group_left_at_zero_by_a_complaint_moved_to_its_department_is_not_shown() {
        // received under UNKNOWN, then moved to ENGINEERING when dispatched: UNKNOWN's cells sum to zero
        List<StatisticsCalculator.CellCount> cells = List.of(
                new StatisticsCalculator.CellCount("received", Dimension.ALL, Dimension.ALL, 1),
                new StatisticsCalculator.CellCount("received", "department", "UNKNOWN", 1),
                new StatisticsCalculator.CellCount("received", "department", "UNKNOWN", -1),
                new StatisticsCalculator.CellCount("received", "department", "ENGINEERING", 1));

        Statistics s = StatisticsCalculator.compute(FROM, TO, "Asia/Shanghai", "department", cells);

        assertThat(s.groups()).extracting(Statistics.Group::key).containsExactly("ENGINEERING");
        assertThat(s.groups().get(0).figures().count("received")).isEqualTo(1);
        assertThat(s.totals().count("received")).isEqualTo(1);
    }
}
