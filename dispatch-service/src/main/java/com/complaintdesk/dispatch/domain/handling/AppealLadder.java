package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.model.EscalationLevel;

/** SPEC §3.11: a rejected solution is re-evaluated one level up — handler → department manager → HQ. */
public final class AppealLadder {
    private AppealLadder() {
    }

    public static EscalationLevel above(EscalationLevel level) {
        return switch (level) {
            case HANDLER, SERVICE_SUPERVISOR -> EscalationLevel.DEPARTMENT_MANAGER;
            case DEPARTMENT_MANAGER, HQ -> EscalationLevel.HQ;
        };
    }

    public static boolean mayDecideAt(EscalationLevel caller, EscalationLevel required) {
        return caller.ordinal() >= required.ordinal();
    }
}
