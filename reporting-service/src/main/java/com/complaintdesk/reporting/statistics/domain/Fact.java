package com.complaintdesk.reporting.statistics.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One counted fact of one complaint: a metric on a day, with the complaint's dimensions. Encoded as one short
 * string so the ledger document can remember what it contributed (and a change can be applied as a delta).
 */
public record Fact(String metric, LocalDate day, String category, String channel, String department, String severity,
                   String complainantType, String cause) {

    private static final String SEP = "\u001f";

    public String encode() {
        return String.join(SEP, metric, day.toString(), category, channel, department, severity, complainantType,
                cause == null ? "" : cause);
    }

    public static Fact decode(String s) {
        String[] p = s.split(SEP, -1);
        return new Fact(p[0], LocalDate.parse(p[1]), p[2], p[3], p[4], p[5], p[6], p[7].isEmpty() ? null : p[7]);
    }

    /** The breakdowns of SPEC §5 this fact counts in, as (dimension, value) pairs; "all" is the total. */
    public List<String[]> dimensions() {
        var out = new java.util.ArrayList<String[]>(List.of(
                new String[]{Dimension.ALL, Dimension.ALL},
                new String[]{Dimension.CATEGORY, category},
                new String[]{Dimension.CHANNEL, channel},
                new String[]{Dimension.DEPARTMENT, department},
                new String[]{Dimension.SEVERITY, severity},
                new String[]{Dimension.COMPLAINANT_TYPE, complainantType}));
        if (cause != null) {
            out.add(new String[]{Dimension.CAUSE, cause});
        }
        return out;
    }
}
