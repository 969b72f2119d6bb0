package com.complaintdesk.followup.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SPEC §3.19: the complainant answers the revisit with the complaint number and a second factor. Follow-up keeps
 * no contact data, only salted one-way digests of the phone's last 4 digits and of the lower-cased e-mail, salted
 * with a secret and the complaint number (so equal digits on two complaints give different digests).
 */
public final class ContactDigest {

    private final String secret;

    public ContactDigest(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("followup.contact-digest-secret (FOLLOWUP_CONTACTDIGESTSECRET) is not set:"
                    + " give it a long random secret (it salts the digests of the complainants' second factor)");
        }
        this.secret = secret;
    }

    /** Digest of the phone's last 4 digits, or null when there is no usable phone. */
    public String ofPhone(String complaintId, String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() < 4 ? null : digest(complaintId, "phone:" + digits.substring(digits.length() - 4));
    }

    public String ofEmail(String complaintId, String email) {
        return email == null || email.isBlank() ? null
                : digest(complaintId, "email:" + email.trim().toLowerCase(Locale.ROOT));
    }

    /** Does {@code verify} (4 digits, or an e-mail address) match one of the stored digests? */
    public boolean matches(String complaintId, String verify, String phoneDigest, String emailDigest) {
        if (verify == null || verify.isBlank()) {
            return false;
        }
        String v = verify.trim();
        String candidate;
        String stored;
        if (v.contains("@")) {
            candidate = ofEmail(complaintId, v);
            stored = emailDigest;
        } else if (v.matches("\\d{4}")) {
            candidate = digest(complaintId, "phone:" + v);
            stored = phoneDigest;
        } else {
            return false;
        }
        return stored != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                stored.getBytes(StandardCharsets.UTF_8));
    }

    private String digest(String complaintId, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((secret + "|" + complaintId + "|").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
