package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.model.EscalationLevel;

import java.time.Duration;

/**
 * One rung of the escalation ladder (SPEC §4: handler → service supervisor → department manager → HQ).
 * {@code after} is the step's own target: how long after the previous step (the first: after the breach) it fires.
 */
public record EscalationStep(EscalationLevel level, Duration after) {
    public EscalationStep {
        if (level == null) {
            throw new IllegalArgumentException("level is required");
        }
        after = after == null ? Duration.ZERO : after;
        if (after.isNegative()) {
            throw new IllegalArgumentException("after must not be negative");
        }
    }

    /** The role told at this level ({@code contracts.http.Roles}). */
    public String notifyRole() {
        return switch (level) {
            case HANDLER -> "HANDLER";
            case SERVICE_SUPERVISOR -> "SUPERVISOR";
            case DEPARTMENT_MANAGER -> "DEPARTMENT_MANAGER";
            case HQ -> "HQ_ANALYST";
        };
    }
}
