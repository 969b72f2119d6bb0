package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.Flag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well the rules agree with people (the accuracy figures): category and severity accuracy, and flag
 * precision / recall / F1 micro-averaged over all examples (OUT_OF_HOURS is not a text flag and is left out).
 */
public record AccuracyReport(int examples, double categoryAccuracy, double severityAccuracy, double flagPrecision,
                             double flagRecall, double flagF1, List<Miss> misses) {

    public record Miss(String id, String field, String expected, String actual) {
    }

    public static AccuracyReport evaluate(Classifier classifier, List<LabelledExample> examples) {
        int cat = 0;
        int sev = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<Miss> misses = new ArrayList<>();
        for (LabelledExample e : examples) {
            Classification c = classifier.classify(e.facts());
            if (c.category().equals(e.category())) {
                cat++;
            } else {
                misses.add(new Miss(e.id(), "category", e.category(), c.category()));
            }
            if (c.severity() == e.severity()) {
                sev++;
            } else {
                misses.add(new Miss(e.id(), "severity", String.valueOf(e.severity()), String.valueOf(c.severity())));
            }
            Set<Flag> predicted = textFlags(c.flags());
            Set<Flag> expected = textFlags(e.flags());
            for (Flag f : predicted) {
                if (expected.contains(f)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (Flag f : expected) {
                if (!predicted.contains(f)) {
                    fn++;
                }
            }
            if (!predicted.equals(expected)) {
                misses.add(new Miss(e.id(), "flags", expected.toString(), predicted.toString()));
            }
        }
        int n = examples.size();
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new AccuracyReport(n, n == 0 ? 0 : (double) cat / n, n == 0 ? 0 : (double) sev / n, precision, recall, f1,
                List.copyOf(misses));
    }

    private static Set<Flag> textFlags(Set<Flag> flags) {
        Set<Flag> s = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
        s.remove(Flag.OUT_OF_HOURS);
        return s;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "examples=%d category=%.3f severity=%.3f flags precision=%.3f recall=%.3f F1=%.3f",
                examples, categoryAccuracy, severityAccuracy, flagPrecision, flagRecall, flagF1));
        for (Miss m : misses) {
            sb.append(String.format(Locale.ROOT, "%n  miss %s %s: expected %s, got %s", m.id(), m.field(), m.expected(), m.actual()));
        }
        return sb.toString();
    }
}
