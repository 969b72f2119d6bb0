package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.domain.text.AmountExtractor;
import com.complaintdesk.triage.domain.text.ChineseNumerals;
import com.complaintdesk.triage.domain.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalisationTest {

    final TextNormalizer normalizer = Fixtures.ANALYZER.normalizer();

    @Test
    void full_width_becomes_half_width_traditional_becomes_simplified_and_case_is_folded() {
        assertThat(normalizer.normalize("ＡＢＣ１２３，買的羽絨服發到抖音")).isEqualTo("abc123,买的羽绒服发到抖音");
    }

    @Test
    void control_characters_and_emoji_become_single_spaces() {
        assertThat(normalizer.normalize("态度\u0000\u0007差😡😡 很\t\n差")).isEqualTo("态度 差 很 差");
    }

    @Test
    void only_the_first_max_chars_are_read() {
        TextNormalizer small = TextNormalizer.bundled(10);
        String text = "一".repeat(50);
        assertThat(small.normalize(text)).hasSize(10);
        assertThat(small.truncates(text)).isTrue();
    }

    @Test
    void blank_and_punctuation_only_text_has_no_words() {
        assertThat(TextNormalizer.hasWords(normalizer.normalize("  ,。!!  "))).isFalse();
        assertThat(TextNormalizer.hasWords(normalizer.normalize("差"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"三万, 30000", "十二万, 120000", "八万六千, 86000", "拾伍万, 150000", "两千五, 2500", "三百零五, 305",
            "一万零五百, 10500", "壹仟贰佰, 1200", "八万六, 86000", "十, 10"})
    void chinese_numerals_are_read(String text, long value) {
        assertThat(ChineseNumerals.parse(text)).hasValue(value);
    }

    @Test
    void a_digit_range_is_not_a_number() {
        assertThat(ChineseNumerals.parse("四五")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"要求赔偿损失三万元, 30000", "价值约十二万元的海鲜, 120000", "物业管理费八万六千元, 86000", "赔偿拾伍万元, 150000",
            "退款2680元, 2680", "i paid 20 yuan, 20", "'¥5,000 deposit', 5000", "损失1.2万元, 12000", "rmb 20000, 20000", "损失十二万, 120000"})
    void amounts_are_found_in_text(String text, String amount) {
        assertThat(AmountExtractor.largest(normalizer.normalize(text))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({"万一着火人根本跑不出去", "千万不要再这样", "说了四五次了", "等了五天才到", "24小时送达", "12345市民热线"})
    void words_that_look_like_numbers_are_not_amounts(String text) {
        assertThat(AmountExtractor.largest(normalizer.normalize(text))).isEmpty();
    }
}
