package com.complaintdesk.reporting.ledger.domain;

/** The complainant as the ledger shows it: masked (SPEC §7). */
public record ComplainantView(String name, String phone, String email, String type) {
}
