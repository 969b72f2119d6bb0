package com.complaintdesk.contracts.events;

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

    public record ComplaintReopened(String reason, int reopenCount, String department) implements ComplaintEvent {
    }

    public record SpecialReportFiled(String reportId, String by) implements ComplaintEvent {
    }

    public record ComplaintClosed(String reason) implements ComplaintEvent {
    }
}
