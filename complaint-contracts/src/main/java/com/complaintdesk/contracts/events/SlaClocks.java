package com.complaintdesk.contracts.events;

/** Names of the SLA clocks of SPEC §4, as they appear in the SLA events. */
public final class SlaClocks {
    private SlaClocks() {
    }

    public static final String ACCEPTANCE_DECISION = "ACCEPTANCE_DECISION";
    public static final String NO_FAULT_IDENTIFIED = "NO_FAULT_IDENTIFIED";
    public static final String ASSIST_ANSWERED = "ASSIST_ANSWERED";
    public static final String MAJOR_TO_MANAGER = "MAJOR_TO_MANAGER";
    public static final String MAJOR_TO_HQ = "MAJOR_TO_HQ";
    /** GENERAL resolved in 2 days, or the complainant's requested deadline. */
    public static final String RESOLUTION = "RESOLUTION";
    public static final String ON_SITE_ARRIVAL = "ON_SITE_ARRIVAL";
    public static final String SUPERVISOR_TO_MANAGER = "SUPERVISOR_TO_MANAGER";
    public static final String LIABLE_ONE_MONTH = "LIABLE_ONE_MONTH";
    public static final String REVISIT = "REVISIT";
    public static final String MONTHLY_REPORT = "MONTHLY_REPORT";
}
