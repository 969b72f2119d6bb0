package com.complaintdesk.reporting.reports.domain;

import com.complaintdesk.reporting.ledger.domain.Deadline;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * SPEC §3.17 daily supervision: every open complaint past a time limit, for the service supervisor, most overdue
 * first, with the clocks that are late and how late. Produced every morning and kept per day; also computed on demand.
 */
public record OverdueReport(LocalDate date, Instant generatedAt, int total, Map<String, Integer> byDepartment,
                            List<Item> items) {

    public record LateClock(String clock, Instant dueAt, long hoursOverdue, String escalationLevel) {
    }

    public record Item(String complaintNumber, String status, String category, String severity, String department,
                       String handler, String supervisor, Instant receivedAt, int urgeCount, boolean confidential,
                       List<LateClock> lateClocks) {
    }

    /** The same report with only the items a reader may see, totals recounted. */
    public OverdueReport visible(Predicate<Item> mayRead) {
        List<Item> kept = items.stream().filter(mayRead).toList();
        Map<String, Integer> counts = new TreeMap<>();
        kept.forEach(i -> counts.merge(departmentOf(i.department()), 1, Integer::sum));
        return new OverdueReport(date, generatedAt, kept.size(), counts, kept);
    }

    private static String departmentOf(String department) {
        return department == null ? "UNASSIGNED" : department;
    }

    public static OverdueReport of(LocalDate date, Instant now, List<LedgerEntry> entries) {
        List<Item> items = new ArrayList<>();
        Map<String, Integer> byDepartment = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (!e.overdueAt(now)) {
                continue;
            }
            List<LateClock> late = new ArrayList<>();
            for (Deadline d : e.deadlines().values()) {
                if (d.running() && d.dueAt() != null && d.dueAt().isBefore(now)) {
                    late.add(new LateClock(d.clock(), d.dueAt(), Duration.between(d.dueAt(), now).toHours(), d.escalationLevel()));
                }
            }
            late.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
            items.add(new Item(e.complaintNumber(), e.status(), e.category(), e.severity(), e.department(), e.handler(),
                    e.supervisor(), e.receivedAt(), e.urgeCount(), e.confidential(), late));
            byDepartment.merge(departmentOf(e.department()), 1, Integer::sum);
        }
        items.sort((a, b) -> firstDue(a).compareTo(firstDue(b)));
        return new OverdueReport(date, now, items.size(), byDepartment, items);
    }

    private static Instant firstDue(Item i) {
        return i.lateClocks().isEmpty() ? Instant.MAX : i.lateClocks().get(0).dueAt();
    }
}
