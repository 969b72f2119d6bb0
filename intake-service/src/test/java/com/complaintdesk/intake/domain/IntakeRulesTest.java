package com.complaintdesk.intake.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeRulesTest {

    @Test
    void complaint_numbers_are_the_date_and_a_six_digit_daily_sequence() {
        assertThat(ComplaintNumbers.format(LocalDate.of(2026, 11, 28), 123)).isEqualTo("C-20261128-000123");
        assertThat(ComplaintNumbers.isWellFormed("C-20261128-000123")).isTrue();
        assertThat(ComplaintNumbers.isWellFormed("C-2026112-000123")).isFalse();
        assertThat(ComplaintNumbers.isWellFormed("../../etc")).isFalse();
        assertThatThrownBy(() -> ComplaintNumbers.format(LocalDate.of(2026, 11, 28), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_second_factor_is_the_last_four_phone_digits_or_the_email() {
        assertThat(ContactVerification.matches("8000", "138-0013-8000", null)).isTrue();
        assertThat(ContactVerification.matches("8001", "13800138000", null)).isFalse();
        assertThat(ContactVerification.matches("ZS@Example.com", null, "zs@example.com")).isTrue();
        assertThat(ContactVerification.matches("zs@example.com", "13800138000", null)).isFalse();
        assertThat(ContactVerification.matches("", "13800138000", null)).isFalse();
        assertThat(ContactVerification.matches("800", "13800138000", null)).isFalse();
    }

    @Test
    void evidence_over_the_size_or_of_an_unknown_type_is_refused_field_by_field() {
        var policy = new EvidencePolicy(1024, 3, Set.of("image/jpeg", "application/pdf"));

        var errors = policy.check(List.of(
                new EvidenceUpload("ok.jpg", "image/jpeg", new byte[100]),
                new EvidenceUpload("big.pdf", "application/pdf", new byte[2048]),
                new EvidenceUpload("x.exe", "application/x-msdownload", new byte[10])), 0, "evidence");

        assertThat(errors).extracting(FieldError::field)
                .containsExactly("evidence[1].contentBase64", "evidence[2].contentType");
        assertThat(policy.check(List.of(new EvidenceUpload("a.jpg", "image/jpeg", new byte[1])), 3, "evidence"))
                .extracting(FieldError::field).containsExactly("evidence");
    }
}
