package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import com.complaintdesk.triage.domain.rules.NaiveBayesCategoryModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The naive Bayes second opinion, trained on the dev set and measured on the held-out set. */
class SecondOpinionTest {

    @Test
    void trained_on_the_dev_set_it_beats_chance_on_held_out_text_and_never_guesses_the_fallback() {
        List<LabelledExample> dev = RuleSetJson.examples(getClass().getResourceAsStream("/triage-dev.jsonl"), "dev");
        List<LabelledExample> holdout = RuleSetJson.examples(getClass().getResourceAsStream("/labelled/triage-holdout.jsonl"), "holdout");
        NaiveBayesCategoryModel model = NaiveBayesCategoryModel.train(dev, Fixtures.ANALYZER, 0.0, "OTHER");

        int right = 0;
        for (LabelledExample e : holdout) {
            var guess = model.guess(Fixtures.ANALYZER.analyze(e.facts().text()));
            assertThat(guess).hasValueSatisfying(g -> assertThat(g.category()).isNotEqualTo("OTHER"));
            if (guess.get().category().equals(e.category())) {
                right++;
            }
        }
        double accuracy = (double) right / holdout.size();
        System.out.printf("[naive bayes on held-out] category accuracy %.3f (chance about 0.1)%n", accuracy);
        assertThat(accuracy).isGreaterThan(0.25);
    }

    @Test
    void the_classifier_asks_it_only_when_no_category_word_matched() {
        List<LabelledExample> dev = RuleSetJson.examples(getClass().getResourceAsStream("/triage-dev.jsonl"), "dev");
        Classifier withOpinion = new Classifier(RuleSetJson.bundledRules(), 1, Fixtures.ANALYZER,
                text -> java.util.Optional.of(new Classifier.CategoryOpinion.Guess("WORKPLACE", 0.99, "stub")));
        assertThat(withOpinion.classify(new ComplaintFacts("收银员态度恶劣", null, null, null, false)).category())
                .isEqualTo("SERVICE_ATTITUDE");
        var guessed = withOpinion.classify(new ComplaintFacts("这件事你们看着办", null, null, null, false));
        assertThat(guessed.category()).isEqualTo("WORKPLACE");
        assertThat(guessed.reasonLines()).anyMatch(r -> r.contains("stub"));
        assertThat(dev).isNotEmpty();
    }
}
