package com.complaintdesk.triage.domain.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A normalised text with its word boundaries. {@code text} is what the rules read; {@code tokens} are the
 * segmenter's words with their offsets into {@code text}.
 */
public record AnalyzedText(String text, List<Token> tokens, BitSet wordStarts, BitSet wordEnds, boolean truncated) {

    public record Token(String term, int start, int end) {
    }

    /** True when text[start, end) begins and ends on word boundaries. */
    public boolean alignedAt(int start, int end) {
        return wordStarts.get(start) && wordEnds.get(end);
    }

    /** The words (letters or CJK characters, not punctuation or spaces), in order. */
    public List<Token> words() {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (isWord(t.term())) {
                out.add(t);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return !TextNormalizer.hasWords(text);
    }

    static boolean isWord(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetterOrDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
