package com.complaintdesk.followup.domain;

/** One invalid field of a command, in words a front end can show. */
public record FieldProblem(String field, String message) {
}
