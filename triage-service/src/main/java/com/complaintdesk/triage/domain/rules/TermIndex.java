package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every rule term in a text in one pass over its words. Chinese terms match where a word starts (so 万一
 * never yields 万, 不需要 never yields 需要 unless the segmenter says so); English terms match stemmed words in sequence; {@code re:}
 * terms are regular expressions on the normalised text.
 */
public final class TermIndex {

    /** Where a term matched: [start, end) in the normalised text. */
    public record Span(int start, int end) {
    }

    private final Map<Character, List<String>> cjkByFirstChar = new HashMap<>();
    private final Map<String, List<EnglishTerm>> englishByFirstWord = new HashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, Character> gates = new HashMap<>();
    private static final int GATE_REACH = 40;

    private record EnglishTerm(String term, List<String> words) {
    }

    public TermIndex(Collection<String> terms, TextAnalyzer analyzer) {
        for (String term : terms) {
            if (term.startsWith("re:")) {
                patterns.put(term, Pattern.compile(term.substring(3)));
                Character gate = requiredChar(term.substring(3));
                if (gate != null) {
                    gates.put(term, gate);
                }
                continue;
            }
            String normalized = analyzer.normalizer().normalize(term);
            if (normalized.isEmpty()) {
                continue;
            }
            if (hasCjk(normalized)) {
                cjkByFirstChar.computeIfAbsent(normalized.charAt(0), k -> new ArrayList<>()).add(term);
            } else {
                List<String> words = analyzer.words(normalized);
                if (!words.isEmpty()) {
                    englishByFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new EnglishTerm(term, words));
                }
            }
        }
        // the normalised form is what is compared; remember it per term
        cjkByFirstChar.replaceAll((c, list) -> List.copyOf(list));
        for (List<String> list : cjkByFirstChar.values()) {
            for (String t : list) {
                normalizedCjk.put(t, analyzer.normalizer().normalize(t));
            }
        }
    }

    private final Map<String, String> normalizedCjk = new HashMap<>();

    /** Every term found, with all the places it matched. */
    public Map<String, List<Span>> find(AnalyzedText text) {
        Map<String, List<Span>> hits = new HashMap<>();
        String s = text.text();
        for (AnalyzedText.Token token : text.tokens()) {
            int start = token.start();
            List<String> candidates = cjkByFirstChar.get(s.charAt(start));
            if (candidates == null) {
                continue;
            }
            for (String term : candidates) {
                String n = normalizedCjk.get(term);
                int end = start + n.length();
                // a word of two or more characters may end inside a longer word (导购 in 导购员); a single
                // character must be a word of its own (灯, 说)
                if (end <= s.length() && s.startsWith(n, start) && (n.length() > 1 || text.wordEnds().get(end))) {
                    hits.computeIfAbsent(term, k -> new ArrayList<>()).add(new Span(start, end));
                }
            }
        }
        if (!englishByFirstWord.isEmpty()) {
            List<AnalyzedText.Token> words = text.words();
            for (int i = 0; i < words.size(); i++) {
                List<EnglishTerm> candidates = englishByFirstWord.get(words.get(i).term());
                if (candidates == null) {
                    continue;
                }
                for (EnglishTerm et : candidates) {
                    if (i + et.words().size() > words.size()) {
                        continue;
                    }
                    boolean all = true;
                    for (int k = 1; k < et.words().size(); k++) {
                        if (!words.get(i + k).term().equals(et.words().get(k))) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        hits.computeIfAbsent(et.term(), k -> new ArrayList<>())
                                .add(new Span(words.get(i).start(), words.get(i + et.words().size() - 1).end()));
                    }
                }
            }
        }
        for (Map.Entry<String, Pattern> p : patterns.entrySet()) {
            Character gate = gates.get(p.getKey());
            if (gate != null && s.indexOf(gate) < 0) {
                continue; // a character every match needs is not in the text
            }
            Matcher m = p.getValue().matcher(s);
            if (gate == null) {
                while (m.find()) {
                    if (m.end() > m.start()) {
                        hits.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(new Span(m.start(), m.end()));
                    }
                }
                continue;
            }
            // look only around the character every match contains (matches up to GATE_REACH characters each side)
            int lastEnd = -1;
            for (int g = s.indexOf(gate); g >= 0; g = s.indexOf(gate, g + 1)) {
                m.region(Math.max(Math.max(0, g - GATE_REACH), lastEnd), Math.min(s.length(), g + GATE_REACH + 1));
                while (m.find()) {
                    if (m.end() > m.start() && m.start() <= g && m.end() > g) {
                        hits.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(new Span(m.start(), m.end()));
                        lastEnd = m.end();
                    }
                }
            }
        }
        return hits;
    }

    /**
     * A Chinese character every match of the pattern contains (its first or last character, when the pattern has
     * no top-level alternative), so the pattern is skipped for texts without it; null when there is none.
     */
    static Character requiredChar(String pattern) {
        int depth = 0;
        boolean escaped = false;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (!inClass && c == '(') {
                depth++;
            } else if (!inClass && c == ')') {
                depth--;
            } else if (!inClass && depth == 0 && c == '|') {
                return null;
            }
        }
        if (pattern.isEmpty()) {
            return null;
        }
        char first = pattern.charAt(0);
        if (com.complaintdesk.triage.domain.text.TextAnalyzer.isHan(first)
                && !(pattern.length() > 1 && "?*{".indexOf(pattern.charAt(1)) >= 0)) {
            return first;
        }
        char last = pattern.charAt(pattern.length() - 1);
        if (com.complaintdesk.triage.domain.text.TextAnalyzer.isHan(last)
                && !(pattern.length() > 1 && pattern.charAt(pattern.length() - 2) == '\\')) {
            return last;
        }
        return null;
    }

    static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (com.complaintdesk.triage.domain.text.TextAnalyzer.isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
