package com.complaintdesk.triage.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.Classification;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.Reason;
import com.complaintdesk.triage.domain.rules.RuleSet;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.triage.domain.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped rules (SPEC §8) decision by decision, given / when / then. */
class ClassifierTest {

    static Classification classify(String text, ComplainantType type, BigDecimal amount) {
        return Fixtures.CLASSIFIER.classify(new ComplaintFacts(text, Channel.PHONE, type, amount, false));
    }

    static Classification classify(String text) {
        return classify(text, ComplainantType.CONSUMER, null);
    }

    @Test
    void given_an_amount_from_2000_to_9999_when_classified_then_important_and_from_10000_major() {
        assertThat(classify("退款金额1999元还没到账").severity()).isEqualTo(Severity.GENERAL);
        assertThat(classify("退款金额2000元还没到账").severity()).isEqualTo(Severity.IMPORTANT);
        assertThat(classify("退款金额9999元还没到账").severity()).isEqualTo(Severity.IMPORTANT);
        Classification large = classify("退款金额一万元还没到账");
        assertThat(large.severity()).isEqualTo(Severity.MAJOR);
        assertThat(large.flags()).contains(Flag.LARGE_COMPENSATION);
    }

    @Test
    void given_the_claimed_amount_field_when_the_text_names_none_then_the_field_counts() {
        assertThat(classify("要求退款", ComplainantType.CONSUMER, new BigDecimal("15000")).flags())
                .contains(Flag.LARGE_COMPENSATION);
    }

    @Test
    void given_an_anchor_tenant_when_no_major_flag_then_important() {
        Classification c = classify("货梯坏了,请尽快维修。", ComplainantType.ANCHOR_TENANT, null);
        assertThat(c.severity()).isEqualTo(Severity.IMPORTANT);
        assertThat(c.reasonLines()).anyMatch(r -> r.contains("complainant ANCHOR_TENANT"));
    }

    @Test
    void given_a_negated_injury_when_classified_then_no_injury_flag() {
        assertThat(classify("电梯突然停了,好在没有人受伤。").flags()).doesNotContain(Flag.PERSONAL_INJURY);
        assertThat(classify("电梯突然停了,我女儿受伤了。").flags()).contains(Flag.PERSONAL_INJURY);
        assertThat(classify("The escalator stopped suddenly but nobody was hurt, luckily I was not injured.").flags())
                .doesNotContain(Flag.PERSONAL_INJURY);
    }

    @Test
    void given_english_text_when_classified_then_words_are_stemmed_and_whole() {
        Classification c = classify("The cashier was extremely rude and I was overcharged 50 yuan.");
        assertThat(c.category()).isIn("SERVICE_ATTITUDE", "BILLING_REFUND");
        assertThat(classify("A prudent shopper like me expects better lighting in the car park").category())
                .isEqualTo("FACILITY_ENVIRONMENT");
        assertThat(classify("I will sue you and see you in court").flags()).contains(Flag.LITIGATION);
        assertThat(classify("The food court tables were dirty").flags()).doesNotContain(Flag.LITIGATION);
    }

    @Test
    void given_raised_several_times_when_classified_then_repeated_but_not_for_other_counts() {
        assertThat(classify("这个问题我已经反映过三次了,还是没人处理。").flags()).contains(Flag.REPEATED);
        assertThat(classify("I have complained several times and nothing happened.").flags()).contains(Flag.REPEATED);
        assertThat(classify("洗衣机用了两次就坏了。").flags()).doesNotContain(Flag.REPEATED);
        assertThat(classify("会员卡被扣费两次。").flags()).doesNotContain(Flag.REPEATED);
    }

    @Test
    void given_withdrawal_words_from_a_consumer_when_classified_then_no_withdrawal_risk() {
        assertThat(classify("这家店要关店了吗?").flags()).doesNotContain(Flag.WITHDRAWAL_RISK);
        assertThat(classify("再不解决我们就撤店。", ComplainantType.MERCHANT, null).flags()).contains(Flag.WITHDRAWAL_RISK);
    }

    @Test
    void given_a_media_channel_when_the_text_says_nothing_then_media_by_channel() {
        Classification c = Fixtures.CLASSIFIER.classify(new ComplaintFacts("请贵方回应顾客反映的问题。", Channel.MEDIA,
                ComplainantType.OTHER, null, false));
        assertThat(c.flags()).contains(Flag.MEDIA);
        assertThat(c.reasons()).anyMatch(r -> r.rule().equals("media-channel"));
    }

    @Test
    void given_out_of_hours_when_classified_then_flagged_but_not_major() {
        Classification c = Fixtures.CLASSIFIER.classify(new ComplaintFacts("卫生间很脏。", Channel.PHONE,
                ComplainantType.CONSUMER, null, true));
        assertThat(c.flags()).containsExactly(Flag.OUT_OF_HOURS);
        assertThat(c.severity()).isEqualTo(Severity.GENERAL);
    }

    @Test
    void given_no_category_word_when_classified_then_the_fallback_with_its_reason() {
        Classification c = classify("这个事情你们看着办吧。");
        assertThat(c.category()).isEqualTo("OTHER");
        assertThat(c.liability()).isEqualTo(Liability.UNDETERMINED);
        assertThat(c.reasons()).anyMatch(r -> r.field().equals("category") && r.rule().startsWith("fallback"));
    }

    @Test
    void given_a_merchant_hurt_by_outside_works_when_classified_then_assist() {
        Classification c = classify("门口道路施工把入口堵了,影响我们营业。", ComplainantType.MERCHANT, null);
        assertThat(c.liability()).isEqualTo(Liability.ASSIST);
    }

    @Test
    void given_every_field_when_classified_then_each_has_a_reason_with_the_words() {
        Classification c = classify("保安推搡我,我要找记者曝光。");
        assertThat(c.reasons()).extracting(Reason::field).contains("category", "severity", "liability", "flag");
        assertThat(c.reasons()).anyMatch(r -> r.field().equals("flag") && r.words().contains("记者"));
        assertThat(c.reasons()).anyMatch(r -> r.field().equals("category") && r.words().contains("推搡"));
    }

    @Test
    void given_extra_flags_when_added_then_severity_is_decided_again() {
        Classification c = classify("卫生间很脏。");
        Classification more = Fixtures.CLASSIFIER.withFlags(c,
                Map.of(Flag.COLLECTIVE, new Reason("flag", "COLLECTIVE", "collective-detector", List.of())), ComplainantType.CONSUMER);
        assertThat(more.severity()).isEqualTo(Severity.MAJOR);
        assertThat(more.flags()).contains(Flag.COLLECTIVE);
    }

    @Test
    void given_both_segmenters_when_the_dev_texts_are_classified_then_they_agree_on_the_basics() {
        Classifier smartcn = new Classifier(RuleSetJson.bundledRules(), 1,
                new TextAnalyzer(TextNormalizer.bundled(20_000), TextAnalyzer.Segmenter.SMARTCN));
        ComplaintFacts f = new ComplaintFacts("本人已委托律师,就贵司销售的问题燃气灶造成厨房起火一事追究法律责任,要求赔偿损失三万元。",
                Channel.LETTER, ComplainantType.CONSUMER, null, false);
        assertThat(smartcn.classify(f).flags()).isEqualTo(Fixtures.CLASSIFIER.classify(f).flags());
        assertThat(smartcn.classify(f).category()).isEqualTo("PRODUCT_QUALITY");
    }

    @Test
    void given_a_broken_rule_set_when_compiled_then_refused_with_the_field() {
        RuleSet broken = new RuleSet(List.of(new RuleSet.CategoryRule("X", "x", "x",
                List.of(new RuleSet.Signal(0, List.of("re:(oops"), List.of())), Map.of())),
                "MISSING", List.of(), new RuleSet.SeverityPolicy(null, null, null, null), null, null);
        assertThat(broken.problems()).extracting(RuleSet.RuleProblem::field)
                .contains("categories[0].signals[0].weight", "categories[0].signals[0].terms", "fallbackCategory");
        assertThatThrownBy(() -> new Classifier(broken, 1, Fixtures.ANALYZER)).isInstanceOf(IllegalArgumentException.class);
    }
}
