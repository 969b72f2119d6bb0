package com.complaintdesk.followup.domain;

/**
 * Who revisits and how (SPEC §3.14, seed 6.5.3): {@code method} (IN_PERSON, PHONE, PHONE_OR_VISIT),
 * {@code assignee} (the queue the revisit is listed under, e.g. SERVICE_SUPERVISOR, SERVICE_DESK) and the
 * staff {@code role} allowed to record it.
 */
public record RevisitRoute(String method, String assignee, String role) {
}
