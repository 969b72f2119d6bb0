package com.complaintdesk.contracts.model;

/**
 * The complainant as carried on events. Personal data travels only on the internal topics;
 * {@code contactKey} is a stable one-way hash of the phone or e-mail, so services can match
 * "the same complainant" (SPEC §8 REPEATED) without reading the contact itself.
 */
public record Complainant(String name, String phone, String email, ComplainantType type, String contactKey) {
}
