package com.complaintdesk.contracts.model;

/** One part of a proposed solution; {@code amount} is set where money is involved. */
public record SolutionItem(SolutionKind kind, String description, Money amount) {
}
