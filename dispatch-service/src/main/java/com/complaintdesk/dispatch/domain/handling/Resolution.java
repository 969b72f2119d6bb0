package com.complaintdesk.dispatch.domain.handling;

import java.time.Instant;

/** SPEC §3.13: what was done, thanks and apology, improvements made. */
public record Resolution(String summary, String apology, String improvements, String by, Instant at) {
}
