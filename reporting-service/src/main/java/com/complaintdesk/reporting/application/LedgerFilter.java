package com.complaintdesk.reporting.application;

import java.time.LocalDate;
import java.util.List;

/**
 * A ledger query (issue 6): every criterion optional; {@code from}/{@code to} are days received (inclusive) in the
 * desk's zone; {@code overdue=true} keeps the complaints past a running time limit (SPEC §3.17).
 */
public record LedgerFilter(List<String> status, List<String> category, List<String> severity, List<String> department,
                           List<String> channel, List<String> complainantType, LocalDate from, LocalDate to,
                           Boolean overdue) {

    public static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null, null, null, null);
    }
}
