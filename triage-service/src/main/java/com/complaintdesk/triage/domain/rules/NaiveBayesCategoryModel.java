package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.triage.domain.collective.TextSimilarity;
import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multinomial naive Bayes category model trained on the labelled examples (dev set and officer corrections),
 * with words and Chinese character bigrams as features. It is only a second opinion: the classifier asks it when
 * no category word matched, and it answers only when its posterior is at least {@code minConfidence}.
 */
public final class NaiveBayesCategoryModel implements Classifier.CategoryOpinion {

    private final Map<String, Map<String, Integer>> featureCounts = new HashMap<>();
    private final Map<String, Integer> totalFeatures = new HashMap<>();
    private final Map<String, Integer> docs = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final double minConfidence;
    private final String excluded;
    private int totalDocs;

    /** {@code excluded}: a category never guessed (the fallback, which says nothing). */
    public NaiveBayesCategoryModel(double minConfidence, String excluded) {
        this.minConfidence = minConfidence;
        this.excluded = excluded;
    }

    public static NaiveBayesCategoryModel train(List<LabelledExample> examples, TextAnalyzer analyzer,
                                                double minConfidence, String excluded) {
        NaiveBayesCategoryModel m = new NaiveBayesCategoryModel(minConfidence, excluded);
        for (LabelledExample e : examples) {
            if (e.category() == null || e.category().equals(excluded)) {
                continue;
            }
            m.add(e.category(), TextSimilarity.signature(analyzer.analyze(e.facts().text()), 400));
        }
        return m;
    }

    void add(String category, List<String> features) {
        totalDocs++;
        docs.merge(category, 1, Integer::sum);
        Map<String, Integer> counts = featureCounts.computeIfAbsent(category, k -> new HashMap<>());
        for (String f : features) {
            counts.merge(f, 1, Integer::sum);
            totalFeatures.merge(category, 1, Integer::sum);
            vocabulary.add(f);
        }
    }

    public int trainedOn() {
        return totalDocs;
    }

    @Override
    public Optional<Guess> guess(AnalyzedText text) {
        if (docs.size() < 2) {
            return Optional.empty();
        }
        List<String> features = TextSimilarity.signature(text, 400).stream().filter(vocabulary::contains).toList();
        if (features.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> logp = new HashMap<>();
        double v = vocabulary.size();
        for (String c : docs.keySet()) {
            double lp = Math.log((double) docs.get(c) / totalDocs);
            Map<String, Integer> counts = featureCounts.get(c);
            double denom = totalFeatures.getOrDefault(c, 0) + v;
            for (String f : features) {
                lp += Math.log((counts.getOrDefault(f, 0) + 1.0) / denom);
            }
            logp.put(c, lp);
        }
        double max = logp.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        String best = null;
        double bestP = -1;
        for (Map.Entry<String, Double> e : logp.entrySet()) {
            double p = Math.exp(e.getValue() - max);
            sum += p;
            if (p > bestP) {
                bestP = p;
                best = e.getKey();
            }
        }
        double confidence = bestP / sum;
        if (best == null || confidence < minConfidence) {
            return Optional.empty();
        }
        return Optional.of(new Guess(best, confidence, "naive-bayes on " + totalDocs + " labelled examples"));
    }
}
