package com.complaintdesk.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** 专项报告 (SPEC §3.16, seed 5.3.5): the written analysis of a major or vicious complaint. */
public record SpecialReport(String reportId, String cause, String handling, String correctiveActions,
                            String preventiveActions, String filedBy, Instant filedAt) {

    public static final int MAX_TEXT = 10_000;

    /** Cause, handling and corrective actions are required; preventive actions are optional. */
    public static List<FieldProblem> problems(String cause, String handling, String correctiveActions, String preventiveActions) {
        List<FieldProblem> p = new ArrayList<>();
        required("cause", cause, p);
        required("handling", handling, p);
        required("correctiveActions", correctiveActions, p);
        if (preventiveActions != null && preventiveActions.length() > MAX_TEXT) {
            p.add(new FieldProblem("preventiveActions", "must be at most " + MAX_TEXT + " characters"));
        }
        return p;
    }

    private static void required(String field, String value, List<FieldProblem> p) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(field, "is required"));
        } else if (value.length() > MAX_TEXT) {
            p.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
