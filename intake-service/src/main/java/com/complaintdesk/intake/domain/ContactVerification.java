package com.complaintdesk.intake.domain;

import java.util.Locale;

/**
 * SPEC §3.19: a complainant proves who they are with the complaint number and a second factor — the last 4 digits
 * of the phone they gave, or the e-mail address.
 */
public final class ContactVerification {
    private ContactVerification() {
    }

    public static boolean matches(String verify, String phone, String email) {
        if (verify == null || verify.isBlank()) {
            return false;
        }
        String v = verify.trim();
        if (v.contains("@")) {
            return email != null && email.trim().toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT));
        }
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return v.matches("\\d{4}") && digits.length() >= 4 && digits.endsWith(v);
    }
}
