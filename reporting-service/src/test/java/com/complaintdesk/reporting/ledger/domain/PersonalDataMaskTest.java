package com.complaintdesk.reporting.ledger.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    @Test
    void names_keep_the_first_character() {
        assertThat(PersonalDataMask.name("张三")).isEqualTo("张*");
        assertThat(PersonalDataMask.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(PersonalDataMask.name("Alice")).isEqualTo("A***");
    }

    @Test
    void phones_keep_the_first_three_and_last_four_digits() {
        assertThat(PersonalDataMask.phone("13800138000")).isEqualTo("138****8000");
        assertThat(PersonalDataMask.phone("+86 138-0013-8000")).isEqualTo("861****8000");
        assertThat(PersonalDataMask.phone("123")).isEqualTo("****");
    }

    @Test
    void masking_twice_changes_nothing_more() {
        assertThat(PersonalDataMask.phone(PersonalDataMask.phone("13800138000"))).isEqualTo("138****8000");
        assertThat(PersonalDataMask.email(PersonalDataMask.email("zs@example.com"))).isEqualTo("z*@example.com");
        assertThat(PersonalDataMask.name(PersonalDataMask.name("张三"))).isEqualTo("张*");
    }

    @Test
    void phone_and_email_inside_free_text_are_masked_but_identifiers_are_kept() {
        Map<String, Object> masked = PersonalDataMask.payload(Map.of(
                "content", "请回电 13912345678 或 li.si@example.com",
                "evidenceId", "12345678901234",
                "complainant", Map.of("name", "李四", "idNumber", "110101199001011234"),
                "items", List.of(Map.of("phone", "13700001111"))));

        assertThat(masked.get("content")).isEqualTo("请回电 139****5678 或 l*@example.com");
        assertThat(masked.get("evidenceId")).isEqualTo("12345678901234");
        assertThat(masked.get("complainant").toString()).contains("李*").contains("110***********1234");
        assertThat(masked.get("items").toString()).contains("137****1111");
    }

    @Test
    void free_text_is_masked_exactly_at_the_edges_of_the_patterns() {
        assertThat(PersonalDataMask.freeText("no digits, no at-sign, just prose")).isEqualTo("no digits, no at-sign, just prose");
        assertThat(PersonalDataMask.freeText("ten digits 1234567890 stay")).isEqualTo("ten digits 1234567890 stay");
        assertThat(PersonalDataMask.freeText("eleven 12345678901 go")).isEqualTo("eleven 123****8901 go");
        assertThat(PersonalDataMask.freeText("split 123456 78901 stays")).isEqualTo("split 123456 78901 stays");
        assertThat(PersonalDataMask.freeText("mail a@b.cn, or not @ all")).isEqualTo("mail a*@b.cn, or not @ all");
        assertThat(PersonalDataMask.freeText("")).isEmpty();
        assertThat(PersonalDataMask.freeText(null)).isNull();
    }
}
