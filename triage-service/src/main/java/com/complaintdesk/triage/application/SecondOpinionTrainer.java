package com.complaintdesk.triage.application;

import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.NaiveBayesCategoryModel;
import com.complaintdesk.triage.domain.rules.RuleSet;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import org.springframework.stereotype.Component;

/** Trains the naive Bayes second opinion from the stored labelled examples, at start and after corrections. */
@Component
public class SecondOpinionTrainer {

    private final LabelledExamples examples;
    private final TriageProperties properties;

    public SecondOpinionTrainer(LabelledExamples examples, TriageProperties properties) {
        this.examples = examples;
        this.properties = properties;
    }

    public Classifier.CategoryOpinion train(RuleSet rules, TextAnalyzer analyzer) {
        if (!properties.secondOpinion().enabled()) {
            return null;
        }
        return NaiveBayesCategoryModel.train(examples.all(), analyzer, properties.secondOpinion().minConfidence(),
                rules.fallbackCategory());
    }
}
