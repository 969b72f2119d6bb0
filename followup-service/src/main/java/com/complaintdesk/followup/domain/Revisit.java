package com.complaintdesk.followup.domain;

import java.time.Instant;
import java.util.List;

/**
 * One revisit round: scheduled when the complaint is resolved, finished by its {@code result}.
 * {@code failedAttempts} are the contact attempts that did not reach the complainant.
 */
public record Revisit(int round, Instant resolvedAt, Instant dueAt, String method, String assignee, String role,
                      List<Attempt> failedAttempts, RevisitResult result) {

    public Revisit {
        failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
    }

    public record Attempt(Instant at, String by, String note) {
    }

    public boolean finished() {
        return result != null;
    }

    Revisit withFailedAttempt(Attempt a) {
        var list = new java.util.ArrayList<>(failedAttempts);
        list.add(a);
        return new Revisit(round, resolvedAt, dueAt, method, assignee, role, list, result);
    }

    Revisit withResult(RevisitResult r) {
        return new Revisit(round, resolvedAt, dueAt, method, assignee, role, failedAttempts, r);
    }
}
