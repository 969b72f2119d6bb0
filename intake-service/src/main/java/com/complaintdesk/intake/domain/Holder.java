package com.complaintdesk.intake.domain;

/**
 * Who holds a complaint, as far as intake learns it from the other services' events, so intake applies the read rule
 * every service shares (README "Who sees what"): the department dispatch gave it (null until dispatched), whether
 * dispatch marked it confidential (HR's), and the category triage gave it (null until triaged).
 */
public record Holder(String department, boolean confidential, String category) {

    public static final Holder UNKNOWN = new Holder(null, false, null);
}
