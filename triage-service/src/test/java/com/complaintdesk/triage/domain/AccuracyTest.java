package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.AccuracyReport;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's accuracy figures on the labelled dev set (a copy of ../shared/data/triage-dev.jsonl): prints them and
 * fails below category 0.90, severity 0.90, flags F1 0.85.
 */
class AccuracyTest {

    @Test
    void the_shipped_rules_meet_the_accuracy_thresholds_on_the_dev_set() {
        List<LabelledExample> examples = RuleSetJson.examples(
                AccuracyTest.class.getResourceAsStream("/triage-dev.jsonl"), "dev-set");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(30);

        AccuracyReport report = AccuracyReport.evaluate(Fixtures.CLASSIFIER, examples);
        System.out.println("[triage accuracy] " + report.summary());

        assertThat(report.categoryAccuracy()).as("category accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(report.severityAccuracy()).as("severity accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(report.flagF1()).as("flag F1").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void the_smartcn_segmenter_meets_the_thresholds_too() {
        var smartcn = new com.complaintdesk.triage.domain.rules.Classifier(RuleSetJson.bundledRules(), 1,
                new com.complaintdesk.triage.domain.text.TextAnalyzer(
                        com.complaintdesk.triage.domain.text.TextNormalizer.bundled(20_000),
                        com.complaintdesk.triage.domain.text.TextAnalyzer.Segmenter.SMARTCN));
        for (String set : List.of("/triage-dev.jsonl", "/labelled/triage-holdout.jsonl")) {
            AccuracyReport report = AccuracyReport.evaluate(smartcn, RuleSetJson.examples(
                    AccuracyTest.class.getResourceAsStream(set), set));
            System.out.println("[triage accuracy, smartcn, " + set + "] " + report.summary());
            assertThat(report.categoryAccuracy()).isGreaterThanOrEqualTo(0.90);
            assertThat(report.severityAccuracy()).isGreaterThanOrEqualTo(0.90);
            assertThat(report.flagF1()).isGreaterThanOrEqualTo(0.85);
        }
    }

    /**
     * 32 complaints written afterwards in other words (triage-holdout.jsonl). On their first run the shipped rules
     * scored category 0.844, severity 0.938, flag F1 0.919 — the honest figure for unseen text; the words they
     * exposed as missing (损伤, 泡坏, 松动, 虚假宣传, …) were then added, so this set now guards against regressions
     * with a looser bar than the dev set.
     */
    @Test
    void the_shipped_rules_generalise_to_held_out_complaints() {
        List<LabelledExample> examples = RuleSetJson.examples(
                AccuracyTest.class.getResourceAsStream("/labelled/triage-holdout.jsonl"), "holdout");

        AccuracyReport report = AccuracyReport.evaluate(Fixtures.CLASSIFIER, examples);
        System.out.println("[triage accuracy, held out] " + report.summary());

        assertThat(report.categoryAccuracy()).as("category accuracy").isGreaterThanOrEqualTo(0.75);
        assertThat(report.severityAccuracy()).as("severity accuracy").isGreaterThanOrEqualTo(0.75);
        assertThat(report.flagF1()).as("flag F1").isGreaterThanOrEqualTo(0.75);
    }

    /**
     * 20 more complaints written after the held-out round (triage-blind.jsonl). First run: category 0.650, severity
     * 0.900, flag F1 0.842 — the best estimate of how the rules do on text nobody fitted them to, and the
     * category is the weak field. The words they exposed (不搭理, 喷淋, 过敏, 跳下去, "fell apart", …) were added
     * afterwards, so this set is now a regression guard too.
     */
    @Test
    void figures_on_a_blind_set_the_rules_were_never_tuned_on() {
        for (String set : List.of("/labelled/triage-blind.jsonl", "/triage-blind2.jsonl")) {
            // triage-blind2.jsonl was never used to change a rule nor to train the second opinion: keep it that way
            AccuracyReport report = AccuracyReport.evaluate(Fixtures.CLASSIFIER, RuleSetJson.examples(
                    AccuracyTest.class.getResourceAsStream(set), set));
            System.out.println("[triage accuracy, blind " + set + "] " + report.summary());
            assertThat(report.categoryAccuracy()).isGreaterThanOrEqualTo(0.6);
            assertThat(report.flagF1()).isGreaterThanOrEqualTo(0.6);
        }
    }

    /**
     * 46 complaints written for issue 3's review (triage-fresh.jsonl: Chinese and English, every category, flag and
     * severity, negations such as "还好没有受伤", "not injured", "不想找记者", "not going to the press"). First run with
     * the rules as they were: category 0.652, severity 0.761, flag precision 0.765 recall 0.684 F1 0.722 — the
     * honest figure. Misses were fixed with general words (how people describe falls, cuts, spoiled food, insults,
     * banners; "fired"/"stitching" no longer match "fire"/"stitches" through the stemmer; "说" dropped as too common
     * a verb for REPEATED; longer English negation window), after which it scored category 0.957, severity 1.000,
     * flag F1 1.000 — a regression guard now, no longer blind. Never used to train the second opinion.
     */
    @Test
    void figures_on_the_issue_review_set() {
        AccuracyReport report = AccuracyReport.evaluate(Fixtures.CLASSIFIER, RuleSetJson.examples(
                AccuracyTest.class.getResourceAsStream("/triage-fresh.jsonl"), "fresh"));
        System.out.println("[triage accuracy, review set] " + report.summary());
        assertThat(report.examples()).isGreaterThanOrEqualTo(30);
        assertThat(report.categoryAccuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(report.severityAccuracy()).isGreaterThanOrEqualTo(0.90);
        assertThat(report.flagF1()).isGreaterThanOrEqualTo(0.85);
    }

    /**
     * The copy in src/test/resources is the shared dev file; when the shared file is there, it must not have moved on.
     */
    @Test
    void the_dev_set_copy_is_the_shared_file() throws Exception {
        java.nio.file.Path shared = java.nio.file.Path.of("../../shared/data/triage-dev.jsonl");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(shared), "shared data not present");
        try (var copy = AccuracyTest.class.getResourceAsStream("/triage-dev.jsonl")) {
            assertThat(new String(copy.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(java.nio.file.Files.readString(shared));
        }
    }

    /**
     * The issue asks for a statistical classifier only where it measurably helps. Measured here: rules alone vs
     * rules + naive Bayes second opinion (trained on the shipped labelled examples, asked only when no category
     * word matched) on triage-blind2.jsonl, which neither has seen. When this was written: 0.80 → 0.90.
     */
    @Test
    void the_second_opinion_helps_on_text_no_category_word_matches() {
        List<LabelledExample> training = new java.util.ArrayList<>();
        for (String seed : List.of("/labelled/triage-dev.jsonl", "/labelled/triage-holdout.jsonl", "/labelled/triage-blind.jsonl")) {
            training.addAll(RuleSetJson.examples(AccuracyTest.class.getResourceAsStream(seed), seed));
        }
        var withOpinion = new com.complaintdesk.triage.domain.rules.Classifier(RuleSetJson.bundledRules(), 1, Fixtures.ANALYZER,
                com.complaintdesk.triage.domain.rules.NaiveBayesCategoryModel.train(training, Fixtures.ANALYZER, 0.6, "OTHER"));
        List<LabelledExample> blind2 = RuleSetJson.examples(AccuracyTest.class.getResourceAsStream("/triage-blind2.jsonl"), "blind2");

        AccuracyReport rulesOnly = AccuracyReport.evaluate(Fixtures.CLASSIFIER, blind2);
        AccuracyReport withNb = AccuracyReport.evaluate(withOpinion, blind2);
        System.out.printf("[second opinion on blind2] category rules only %.3f, with naive Bayes %.3f%n",
                rulesOnly.categoryAccuracy(), withNb.categoryAccuracy());

        assertThat(withNb.categoryAccuracy()).isGreaterThanOrEqualTo(rulesOnly.categoryAccuracy());
        assertThat(withNb.severityAccuracy()).isEqualTo(rulesOnly.severityAccuracy());
    }
}
