package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.EscalationLevel;

import java.time.Instant;

/** Events published by followup-service on {@link Topics#FOLLOWUP}. */
public final class FollowupEvents {
    private FollowupEvents() {
    }

    /** SPEC §3.14. {@code method}: IN_PERSON for anchor tenants and investors, PHONE otherwise. */
    public record RevisitDue(Instant dueAt, String method, String assignee) implements ComplaintEvent {
    }

    public record RevisitDone(boolean reached, Integer satisfaction, boolean satisfied, String comment, String by,
                              boolean onTime) implements ComplaintEvent {
    }

    /**
     * SPEC §3.14: not satisfied → back to the same department. {@code handler} is the handler who resolved it
     * (may be null); {@code escalateTo} is set when this reopen escalates (issue 5: the second reopen goes to the
     * department manager), else null.
     */
    public record ComplaintReopened(String reason, int reopenCount, String department, String handler,
                                    EscalationLevel escalateTo) implements ComplaintEvent {
        public ComplaintReopened(String reason, int reopenCount, String department) {
            this(reason, reopenCount, department, null, null);
        }
    }

    /** A revisit call or visit that did not reach the complainant; after {@code maxAttempts} it counts as unreachable. */
    public record RevisitAttemptFailed(int attempt, int maxAttempts, String note, String by) implements ComplaintEvent {
    }

    public record SpecialReportFiled(String reportId, String by) implements ComplaintEvent {
    }

    public record ComplaintClosed(String reason) implements ComplaintEvent {
    }
}
