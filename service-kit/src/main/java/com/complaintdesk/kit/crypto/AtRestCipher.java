package com.complaintdesk.kit.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals text for storage with AES-256-GCM under a configured key (SPEC §7: personal data and shared secrets are not
 * kept in clear). A sealed value is base64 of the 12-byte IV followed by the ciphertext and its 128-bit tag; every seal
 * draws a fresh IV, so equal texts do not look equal at rest.
 * <p>The key is base64 of 32 random bytes, read from a setting whose name goes into every message about it, so a
 * service refuses to start with a message that says what to fix.
 */
public final class AtRestCipher {

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String setting;
    private final SecretKeySpec key;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    private AtRestCipher(String setting, byte[] raw) {
        this.setting = setting;
        this.key = new SecretKeySpec(raw, "AES");
        this.hashKey = new SecretKeySpec(raw, "HmacSHA256");
    }

    /**
     * @param base64Key the configured key
     * @param setting   the setting it came from (e.g. {@code dispatch.webhook.secret-key}), for the messages
     * @throws IllegalArgumentException when the key is missing, not base64 or not 32 bytes long
     */
    public static AtRestCipher fromBase64Key(String base64Key, String setting) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set: give it base64 of 32 random bytes"
                    + " (e.g. the output of 'openssl rand -base64 32')");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64: give it base64 of 32 random bytes", e);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be 32 bytes, base64 (it is " + raw.length + " bytes)");
        }
        return new AtRestCipher(setting, raw);
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * @throws WrongKeyException when the value was sealed with another key (or was changed since)
     */
    public String open(String sealedText) {
        if (sealedText == null) {
            return null;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealedText);
        } catch (IllegalArgumentException e) {
            throw new WrongKeyException("a value sealed under " + setting + " is not base64: it was not sealed here", e);
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new WrongKeyException("a value sealed under " + setting + " is too short to be sealed", null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("a stored value cannot be opened with " + setting
                    + ": it was sealed with another key, or changed since", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** HMAC-SHA256 of the text with the same key: finds equal values without opening anything. */
    public byte[] keyedHash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /** A sealed value that this key does not open: the configured key is not the one it was sealed with. */
    public static final class WrongKeyException extends IllegalStateException {
        public WrongKeyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
