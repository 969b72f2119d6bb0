package com.complaintdesk.triage.bench;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.AccuracyReport;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import com.complaintdesk.triage.domain.rules.NaiveBayesCategoryModel;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.triage.domain.text.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 3's accuracy command: classifies each labelled JSONL file given (default ../shared/data/triage-dev.jsonl)
 * with the shipped rules, prints category and severity accuracy, flag precision / recall / F1 and every miss, for
 * the rules alone and with the naive Bayes second opinion the service runs by default (trained on the shipped
 * labelled sets, as at start). Exits 1 when the first file is below category 0.90, severity 0.90 or flag F1 0.85.
 * Usage: {@code bash triage-service/accuracy.sh [file.jsonl ...]}
 */
public final class AccuracyCommand {

    private AccuracyCommand() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.add(Path.of(a));
        }
        if (files.isEmpty()) {
            files.add(Path.of("../shared/data/triage-dev.jsonl"));
        }
        TextAnalyzer analyzer = new TextAnalyzer(TextNormalizer.bundled(20_000));
        Classifier rules = new Classifier(RuleSetJson.bundledRules(), 1, analyzer);
        List<LabelledExample> training = new ArrayList<>();
        for (String seed : List.of("/labelled/triage-dev.jsonl", "/labelled/triage-holdout.jsonl", "/labelled/triage-blind.jsonl")) {
            try (InputStream in = AccuracyCommand.class.getResourceAsStream(seed)) {
                training.addAll(RuleSetJson.examples(in, seed));
            }
        }
        Classifier withOpinion = new Classifier(RuleSetJson.bundledRules(), 1, analyzer,
                NaiveBayesCategoryModel.train(training, analyzer, 0.6, "OTHER"));

        boolean firstPasses = true;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            List<LabelledExample> examples;
            try (InputStream in = Files.newInputStream(file)) {
                examples = RuleSetJson.examples(in, file.getFileName().toString());
            }
            AccuracyReport alone = AccuracyReport.evaluate(rules, examples);
            AccuracyReport service = AccuracyReport.evaluate(withOpinion, examples);
            System.out.println("== " + file);
            System.out.println("rules alone:            " + alone.summary());
            System.out.println("rules + second opinion: " + service.summary().lines().findFirst().orElse(""));
            if (Boolean.getBoolean("explain")) {
                var missed = alone.misses().stream().map(AccuracyReport.Miss::id).collect(java.util.stream.Collectors.toSet());
                for (LabelledExample e : examples) {
                    if (missed.contains(e.id())) {
                        System.out.println("  why " + e.id() + ": " + rules.classify(e.facts()).reasons());
                    }
                }
            }
            if (i == 0) {
                firstPasses = alone.categoryAccuracy() >= 0.90 && alone.severityAccuracy() >= 0.90 && alone.flagF1() >= 0.85;
            }
        }
        if (!firstPasses) {
            System.out.println("FAILED: " + files.get(0) + " is below category 0.90 / severity 0.90 / flag F1 0.85");
            System.exit(1);
        }
        System.out.println("OK: " + files.get(0) + " meets category >= 0.90, severity >= 0.90, flag F1 >= 0.85");
    }
}
