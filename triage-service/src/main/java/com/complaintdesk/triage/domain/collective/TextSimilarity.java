package com.complaintdesk.triage.domain.collective;

import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Similar text" for collective and repeated complaints (SPEC §3.6): cosine similarity of feature counts, where the
 * features are the segmenter's words plus character bigrams of Chinese text (robust to different segmentations
 * of the same words). 1.0 = same wording, 0.0 = nothing in common.
 */
public final class TextSimilarity {

    private TextSimilarity() {
    }

    /** The features of a text, kept on the complaint so later complaints compare without re-reading it. */
    public static List<String> signature(AnalyzedText text, int maxFeatures) {
        List<String> out = new ArrayList<>();
        for (AnalyzedText.Token t : text.words()) {
            if (out.size() >= maxFeatures) {
                break;
            }
            out.add("w:" + t.term());
        }
        String s = text.text();
        for (int i = 0; i + 1 < s.length() && out.size() < maxFeatures; i++) {
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            if (TextAnalyzer.isHan(a) && TextAnalyzer.isHan(b)) {
                out.add("b:" + a + b);
            }
        }
        return out;
    }

    public static double cosine(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Map<String, Integer> ca = counts(a);
        Map<String, Integer> cb = counts(b);
        double dot = 0;
        for (Map.Entry<String, Integer> e : ca.entrySet()) {
            Integer other = cb.get(e.getKey());
            if (other != null) {
                dot += (double) e.getValue() * other;
            }
        }
        return dot / (norm(ca) * norm(cb));
    }

    private static Map<String, Integer> counts(List<String> features) {
        Map<String, Integer> m = new HashMap<>();
        for (String f : features) {
            m.merge(f, 1, Integer::sum);
        }
        return m;
    }

    private static double norm(Map<String, Integer> m) {
        double sum = 0;
        for (int v : m.values()) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
