package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.kit.crypto.AtRestCipher;

import java.util.HexFormat;
import java.util.Locale;

/**
 * SPEC §7: personal data (name, phone, e-mail) is encrypted at rest with AES-256-GCM (the kit's {@link AtRestCipher};
 * stored as base64 of IV, ciphertext and tag). {@link #contactKey} is a keyed hash of the normalised phone or e-mail,
 * used to find "the same complainant" without decrypting.
 */
public final class PersonalDataCipher {

    private final AtRestCipher cipher;

    public PersonalDataCipher(String base64Key) {
        this.cipher = AtRestCipher.fromBase64Key(base64Key, "intake.personal-data-key (INTAKE_PERSONALDATAKEY)");
    }

    public String encrypt(String plain) {
        return cipher.seal(plain);
    }

    public String decrypt(String sealedText) {
        return cipher.open(sealedText);
    }

    /** The phone (digits only) if given, else the lower-cased e-mail, hashed with the key. */
    public String contactKey(String phone, String email) {
        String basis = phone != null && !phone.isBlank() ? "p:" + phone.replaceAll("\\D", "")
                : "e:" + email.trim().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(cipher.keyedHash(basis), 0, 16);
    }
}
