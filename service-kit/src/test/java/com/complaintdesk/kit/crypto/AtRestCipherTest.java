package com.complaintdesk.kit.crypto;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtRestCipherTest {

    /** base64 of "local-dev-key-not-for-production" (32 bytes): intake's local key. */
    static final String KEY = "bG9jYWwtZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";
    static final String OTHER_KEY = "b3RoZXItZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";
    static final String SETTING = "test.secret-key";

    @Test
    void given_a_text_when_sealed_then_it_is_not_in_clear_differs_each_time_and_opens_again() {
        AtRestCipher cipher = AtRestCipher.fromBase64Key(KEY, SETTING);
        String first = cipher.seal("张三 13800138000");
        String second = cipher.seal("张三 13800138000");
        assertThat(first).doesNotContain("13800138000").isNotEqualTo(second);
        assertThat(cipher.open(first)).isEqualTo("张三 13800138000");
        assertThat(cipher.open(second)).isEqualTo("张三 13800138000");
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    @Test
    void given_a_value_intake_sealed_before_the_cipher_moved_to_the_kit_then_it_still_opens() {
        // written by intake's PersonalDataCipher as it was before it used the kit: stored data stays readable
        String sealedByIntake = "sYQFk434q6RjKWPCQfdFhS0vNbi6j3nJ6TP5ON4V+a9NzHB00A1gtdK98fakcA==";
        AtRestCipher cipher = AtRestCipher.fromBase64Key(KEY, SETTING);
        assertThat(cipher.open(sealedByIntake)).isEqualTo("张三 13800138000");
        // and intake's contact key (the first 16 bytes of this hash) stays what it was
        assertThat(HexFormat.of().formatHex(cipher.keyedHash("p:13800138000"), 0, 16))
                .isEqualTo("6e3068d9ab3fa756d8c806f41eef17d6");
    }

    @Test
    void given_another_key_when_opening_then_it_says_the_key_is_not_the_one_it_was_sealed_with() {
        String sealed = AtRestCipher.fromBase64Key(KEY, SETTING).seal("webhook-secret-0001");
        AtRestCipher other = AtRestCipher.fromBase64Key(OTHER_KEY, SETTING);
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(AtRestCipher.WrongKeyException.class)
                .hasMessageContaining(SETTING).hasMessageContaining("another key");
        assertThatThrownBy(() -> other.open("webhook-secret-0001")).isInstanceOf(AtRestCipher.WrongKeyException.class)
                .hasMessageContaining(SETTING);
    }

    @Test
    void given_a_missing_or_malformed_key_then_it_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> AtRestCipher.fromBase64Key(null, SETTING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SETTING + " is not set");
        assertThatThrownBy(() -> AtRestCipher.fromBase64Key("  ", SETTING)).hasMessageContaining(SETTING + " is not set");
        assertThatThrownBy(() -> AtRestCipher.fromBase64Key("not base64 at all!", SETTING))
                .hasMessageContaining(SETTING + " is not base64");
        assertThatThrownBy(() -> AtRestCipher.fromBase64Key("c2hvcnQ=", SETTING))
                .hasMessageContaining(SETTING + " must be 32 bytes").hasMessageContaining("it is 5 bytes");
    }
}
