package com.complaintdesk.triage.domain.rules;

import java.util.List;

/**
 * Why one field got its value: which rule, which words. {@code field} is category, severity, liability, flag or
 * acceptance; {@code value} what it was set to.
 */
public record Reason(String field, String value, String rule, List<String> words) {

    public Reason {
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** The one-line form carried on events: "flag MEDIA by rule media-platforms: 抖音". */
    public String describe() {
        StringBuilder sb = new StringBuilder(field).append(' ').append(value).append(" by rule ").append(rule);
        if (!words.isEmpty()) {
            sb.append(": ").append(String.join(", ", words));
        }
        return sb.toString();
    }
}
