package com.complaintdesk.dispatch.domain.handling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SPEC §3.19: the complainant proves who they are with the last 4 digits of their phone or their e-mail. Dispatch
 * keeps only salted hashes of those two, never the contact itself.
 */
public record SecondFactor(String salt, String phoneLast4Hash, String emailHash) {

    public static SecondFactor of(String salt, String phone, String email) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : null;
        String mail = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
        return new SecondFactor(salt, last4 == null ? null : hash(salt, "p:" + last4), mail == null ? null : hash(salt, "e:" + mail));
    }

    public boolean matches(String verify) {
        if (verify == null || verify.isBlank()) {
            return false;
        }
        String v = verify.trim();
        if (v.contains("@")) {
            return same(emailHash, hash(salt, "e:" + v.toLowerCase(Locale.ROOT)));
        }
        return v.matches("\\d{4}") && same(phoneLast4Hash, hash(salt, "p:" + v));
    }

    private static boolean same(String stored, String given) {
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
