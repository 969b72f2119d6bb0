package com.complaintdesk.reporting.statistics.domain;

import java.util.List;

/** The breakdowns of SPEC §5. */
public final class Dimension {
    private Dimension() {
    }

    public static final String ALL = "all";
    public static final String CATEGORY = "category";
    public static final String CHANNEL = "channel";
    public static final String DEPARTMENT = "department";
    public static final String SEVERITY = "severity";
    public static final String COMPLAINANT_TYPE = "complainantType";
    public static final String CAUSE = "cause";

    public static final List<String> BREAKDOWNS = List.of(CATEGORY, CHANNEL, DEPARTMENT, SEVERITY, COMPLAINANT_TYPE, CAUSE);

    public static final String UNKNOWN = "UNKNOWN";
    /** The cause of a confidential (HR) complaint: counted, but its text is HR's (SPEC §3.20). */
    public static final String CONFIDENTIAL = "CONFIDENTIAL";
}
