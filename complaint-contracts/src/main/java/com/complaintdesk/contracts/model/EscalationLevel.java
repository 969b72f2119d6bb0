package com.complaintdesk.contracts.model;

/** The escalation ladder of SPEC §4: handler → service supervisor → department manager → HQ. */
public enum EscalationLevel {
    HANDLER, SERVICE_SUPERVISOR, DEPARTMENT_MANAGER, HQ;

    public EscalationLevel next() {
        return this == HQ ? HQ : values()[ordinal() + 1];
    }
}
