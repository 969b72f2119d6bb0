package com.complaintdesk.followup.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDigestTest {

    final ContactDigest digest = new ContactDigest("test-secret");

    @Test
    void given_a_phone_then_its_last_four_digits_verify_and_others_do_not() {
        String stored = digest.ofPhone("C-1", "+86 138-0013-8000");

        assertThat(digest.matches("C-1", "8000", stored, null)).isTrue();
        assertThat(digest.matches("C-1", "0013", stored, null)).isFalse();
        assertThat(digest.matches("C-1", "800", stored, null)).isFalse();
        assertThat(digest.matches("C-1", null, stored, null)).isFalse();
    }

    @Test
    void given_an_email_then_it_verifies_in_any_case_and_the_phone_digits_do_not() {
        String stored = digest.ofEmail("C-1", "Zhang.San@Example.com");

        assertThat(digest.matches("C-1", " zhang.san@example.COM ", null, stored)).isTrue();
        assertThat(digest.matches("C-1", "8000", null, stored)).isFalse();
    }

    @Test
    void given_the_same_digits_on_two_complaints_then_the_digests_differ_and_none_is_the_plain_value() {
        String a = digest.ofPhone("C-1", "13800138000");
        String b = digest.ofPhone("C-2", "13800138000");

        assertThat(a).isNotEqualTo(b).doesNotContain("8000");
        assertThat(digest.matches("C-2", "8000", a, null)).isFalse();
        assertThat(digest.ofPhone("C-1", "12")).isNull();
    }
}
