package com.complaintdesk.followup.domain;

import java.util.List;

/** A command that breaks a rule of its own fields (not of the case's state). */
public class InvalidCommand extends RuntimeException {
    private final transient List<FieldProblem> problems;

    public InvalidCommand(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).field() + " " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidCommand(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
