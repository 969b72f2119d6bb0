package com.complaintdesk.triage.domain.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in normalised complaint text (SPEC §8): 398元, 2680元, ¥5,000, rmb 20000, 20 yuan, 1.2万元,
 * 三万元, 十二万, 八万六千元, 拾伍万元. A bare number is not an amount; it needs a currency word or a 万 unit.
 */
public final class AmountExtractor {

    private static final Pattern ARABIC_AFTER = Pattern.compile(
            "(\\d[\\d,]*(?:\\.\\d+)?)\\s*(万|千|k)?\\s*(元|块|圆|yuan|rmb|cny|人民币)");
    private static final Pattern ARABIC_WAN = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*万");
    private static final Pattern ARABIC_BEFORE = Pattern.compile(
            "(?:¥|rmb|cny|人民币)\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(万|千|k)?");

    private AmountExtractor() {
    }

    public record FoundAmount(BigDecimal amount, String text) {
    }

    public static List<FoundAmount> findAll(String normalized) {
        List<FoundAmount> found = new ArrayList<>();
        boolean digits = false;
        boolean units = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '元' || c == '块' || c == '圆' || c == '万' || c == '亿') {
                units = true;
            }
        }
        if (!digits && !units) {
            return found; // no number and no money unit: nothing to read
        }
        String arabic = digits ? normalized : "";
        Matcher m = ARABIC_AFTER.matcher(arabic);
        while (m.find()) {
            add(found, arabic(m.group(1), m.group(2)), m.group());
        }
        m = ARABIC_WAN.matcher(arabic);
        while (m.find()) {
            add(found, arabic(m.group(1), "万"), m.group());
        }
        m = ARABIC_BEFORE.matcher(arabic);
        while (m.find()) {
            add(found, arabic(m.group(1), m.group(2)), m.group());
        }
        if (units) {
            // Chinese numerals: a plain scan (a regular expression over a 25-character class is slow on long texts)
            int n = normalized.length();
            int i = 0;
            while (i < n) {
                if (!ChineseNumerals.isNumeral(normalized.charAt(i))) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < n && ChineseNumerals.isNumeral(normalized.charAt(j))) {
                    j++;
                }
                int k = j;
                while (k < n && normalized.charAt(k) == ' ') {
                    k++;
                }
                boolean currency = k < n && (normalized.charAt(k) == '元' || normalized.charAt(k) == '块' || normalized.charAt(k) == '圆');
                chinese(found, normalized.substring(i, j), currency, currency ? normalized.substring(i, k + 1) : normalized.substring(i, j));
                i = j;
            }
        }
        return found;
    }

    private static void chinese(List<FoundAmount> found, String run, boolean currency, String text) {
        char first = run.charAt(0);
        char last = run.charAt(run.length() - 1);
        // 万一 / 千万 (= "by all means") are words, not amounts: a bare run must start with a digit or 十 and end in 万
        boolean startsWell = ChineseNumerals.digit(first) >= 0 || first == '十' || first == '拾';
        if (!currency && !(startsWell && (last == '万' || last == '亿'))) {
            return;
        }
        if (!startsWell && !(currency && (first == '百' || first == '佰' || first == '千' || first == '仟'))) {
            return;
        }
        add(found, ChineseNumerals.parseDecimal(run), text);
    }

    /** The largest amount the text names, if any. */
    public static Optional<BigDecimal> largest(String normalized) {
        return findAll(normalized).stream().map(FoundAmount::amount).max(BigDecimal::compareTo);
    }

    private static void add(List<FoundAmount> found, BigDecimal v, String text) {
        if (v != null && v.signum() > 0) {
            found.add(new FoundAmount(v, text.trim()));
        }
    }

    private static BigDecimal arabic(String digits, String unit) {
        try {
            BigDecimal v = new BigDecimal(digits.replace(",", ""));
            if (unit == null) {
                return v;
            }
            return switch (unit) {
                case "万" -> v.multiply(BigDecimal.valueOf(10_000));
                case "千", "k" -> v.multiply(BigDecimal.valueOf(1_000));
                default -> v;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
