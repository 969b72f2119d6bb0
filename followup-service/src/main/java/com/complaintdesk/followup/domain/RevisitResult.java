package com.complaintdesk.followup.domain;

import java.time.Instant;

/** How a revisit ended: reached or not, the 1–5 rating, the reason for a bad one, and whether it was on time. */
public record RevisitResult(Instant at, String by, boolean reached, Integer satisfaction, boolean satisfied,
                            String reason, String comment, boolean onTime, boolean byComplainant) {
}
