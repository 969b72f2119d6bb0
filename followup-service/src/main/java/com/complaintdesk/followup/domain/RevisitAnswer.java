package com.complaintdesk.followup.domain;

/**
 * A recorded revisit contact. {@code reached=false} is a failed attempt (no rating); a reached contact carries the
 * 1–5 {@code satisfaction} and, for a bad rating, the {@code reason}.
 */
public record RevisitAnswer(boolean reached, Integer satisfaction, String reason, String comment, String by,
                            boolean byComplainant) {

    public static RevisitAnswer unreachable(String note, String by) {
        return new RevisitAnswer(false, null, null, note, by, false);
    }

    public static RevisitAnswer rated(int satisfaction, String reason, String comment, String by) {
        return new RevisitAnswer(true, satisfaction, reason, comment, by, false);
    }

    public static RevisitAnswer fromComplainant(Integer satisfaction, String reason, String comment) {
        return new RevisitAnswer(true, satisfaction, reason, comment, "complainant", true);
    }
}
