package com.complaintdesk.triage.domain.text;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * Reads integers written in Chinese numerals, ordinary (三万, 十二万, 八万六千) and financial (拾伍万, 壹仟贰佰),
 * including the colloquial trailing digit (两千五 = 2500, 八万六 = 86000).
 */
public final class ChineseNumerals {

    private ChineseNumerals() {
    }

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹', '幺' -> 1;
            case '二', '两', '贰', '俩' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    static long unit(char c) {
        return switch (c) {
            case '十', '拾' -> 10L;
            case '百', '佰' -> 100L;
            case '千', '仟' -> 1_000L;
            case '万' -> 10_000L;
            case '亿' -> 100_000_000L;
            default -> -1L;
        };
    }

    public static boolean isNumeral(char c) {
        return digit(c) >= 0 || unit(c) > 0;
    }

    /** The value of a run of numeral characters, or empty when it is not a well-formed number. */
    public static OptionalLong parse(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;      // completed 亿 / 万 sections
        long section = 0;    // below 万
        long pending = -1;   // a digit waiting for its unit
        long lastUnit = 1;
        boolean zeroSeen = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (pending >= 0 && d != 0 && pending != 0) {
                    // "三四" is a range, not a number
                    return OptionalLong.empty();
                }
                if (d == 0) {
                    zeroSeen = true;
                }
                pending = d;
                any = true;
                continue;
            }
            long u = unit(c);
            if (u < 0) {
                return OptionalLong.empty();
            }
            if (u >= 10_000L) {
                long value = section + Math.max(pending, 0);
                if (value == 0 && !any) {
                    return OptionalLong.empty();
                }
                total = (total + value) * u;
                section = 0;
            } else {
                long n = pending < 0 ? 1 : pending; // 十二 = 12
                section += n * u;
            }
            lastUnit = u;
            zeroSeen = false;
            pending = -1;
            any = true;
        }
        if (pending > 0) {
            // colloquial: 两千五 = 2500, 八万六 = 86000 — the digit counts one unit below the last one
            long below = zeroSeen || lastUnit < 10 ? 1 : lastUnit / 10;
            section += pending * below;
        }
        return any ? OptionalLong.of(total + section) : OptionalLong.empty();
    }

    public static BigDecimal parseDecimal(String s) {
        OptionalLong v = parse(s);
        return v.isPresent() ? BigDecimal.valueOf(v.getAsLong()) : null;
    }
}
