package com.complaintdesk.triage.domain.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Puts complaint text into one canonical form before any rule looks at it (SPEC §8): full-width → half-width
 * (Unicode NFKC), traditional → simplified characters (a data table), lower case, control characters and emoji
 * turned into spaces, and a length cap so a 100k-character text costs no more than the cap.
 * Thread-safe and immutable.
 */
public final class TextNormalizer {

    private final char[] simplified;
    private final int maxChars;

    public TextNormalizer(char[] simplifiedTable, int maxChars) {
        this.simplified = simplifiedTable;
        this.maxChars = maxChars;
    }

    /** Loads a "traditional TAB simplified" table, one pair a line, '#' starts a comment. */
    public static TextNormalizer fromTable(InputStream table, int maxChars) {
        char[] map = new char[Character.MAX_VALUE + 1];
        for (int i = 0; i < map.length; i++) {
            map[i] = (char) i;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(table, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length >= 2 && parts[0].length() == 1 && parts[1].length() == 1) {
                    map[parts[0].charAt(0)] = parts[1].charAt(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TextNormalizer(map, maxChars);
    }

    /** The bundled table (derived from OpenCC's t2s characters). */
    public static TextNormalizer bundled(int maxChars) {
        InputStream in = TextNormalizer.class.getResourceAsStream("/text/traditional-to-simplified.tsv");
        if (in == null) {
            throw new IllegalStateException("text/traditional-to-simplified.tsv missing from the class path");
        }
        return fromTable(in, maxChars);
    }

    public int maxChars() {
        return maxChars;
    }

    /** True when the text is longer than the cap and only its first {@link #maxChars()} characters are read. */
    public boolean truncates(String text) {
        return text != null && text.length() > maxChars;
    }

    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String capped = text.length() > maxChars ? text.substring(0, maxChars) : text;
        String nfkc = Normalizer.normalize(capped, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean lastSpace = true;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isHighSurrogate(c) || Character.isLowSurrogate(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.isWhitespace(c)
                    || Character.getType(c) == Character.PRIVATE_USE || c == '\uFFFD') {
                // emoji, control and format characters carry no rule-relevant meaning: one space instead
                if (!lastSpace) {
                    out.append(' ');
                    lastSpace = true;
                }
                continue;
            }
            out.append(Character.toLowerCase(simplified[c]));
            lastSpace = false;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** True when the text holds at least one letter or CJK character after normalising. */
    public static boolean hasWords(String normalized) {
        for (int i = 0; i < normalized.length(); i++) {
            if (Character.isLetter(normalized.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "TextNormalizer[maxChars=" + maxChars + ", table=" + Arrays.hashCode(simplified) + "]";
    }
}
