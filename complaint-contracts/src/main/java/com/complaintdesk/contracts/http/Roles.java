package com.complaintdesk.contracts.http;

/** The roles of SPEC §7 Security. */
public final class Roles {
    private Roles() {
    }

    public static final String CHANNEL_CLIENT = "CHANNEL_CLIENT";
    public static final String COMPLAINANT = "COMPLAINANT";
    public static final String TRIAGE_OFFICER = "TRIAGE_OFFICER";
    public static final String HANDLER = "HANDLER";
    public static final String DEPARTMENT_MANAGER = "DEPARTMENT_MANAGER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String HQ_ANALYST = "HQ_ANALYST";
    public static final String ADMIN = "ADMIN";
}
