package com.complaintdesk.dispatch.domain.handling;

import java.time.Instant;

/** One line of a complaint's handling history, as staff see it. */
public record HistoryEntry(Instant at, String what, String by, String detail) {
}
