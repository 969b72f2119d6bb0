package com.complaintdesk.reporting.ledger.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SPEC §7 Security: personal data is masked in the ledger, lists and exports. The ledger never stores the clear
 * value, so nothing downstream (API, CSV, XLSX, logs) can leak it: 张三 → 张*, 13800138000 → 138****8000,
 * zs@example.com → z*@example.com.
 */
public final class PersonalDataMask {

    private static final Set<String> NAME_FIELDS = Set.of("name", "complainantName", "contactName");
    private static final Set<String> PHONE_FIELDS = Set.of("phone", "mobile", "telephone", "contactPhone");
    private static final Set<String> EMAIL_FIELDS = Set.of("email", "contactEmail");
    private static final Set<String> ID_FIELDS = Set.of("idNumber", "identityNumber", "idCard");
    /** Long digit runs in free text (phone, id card numbers). */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])([0-9]{3})[0-9]{4,11}([0-9]{4})(?![0-9])");
    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

    private PersonalDataMask() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.codePointAt(0);
        int rest = n.codePointCount(0, n.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, Math.min(rest, 3)));
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() >= 7) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "****";
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "*@" + email.substring(at + 1);
    }

    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "****";
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** Phone numbers, id numbers and e-mail addresses written inside free text. */
    public static String freeText(String text) {
        if (text == null) {
            return null;
        }
        // the patterns cannot match without a run of 11 digits or an '@': most text has neither, and the e-mail
        // pattern's scan of long prose is the costly part of masking an event
        String t = hasDigitRun(text, 11) ? DIGIT_RUN.matcher(text).replaceAll("$1****$2") : text;
        return t.indexOf('@') >= 0 ? EMAIL_IN_TEXT.matcher(t).replaceAll("$1*@$2") : t;
    }

    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    /** A copy of an event payload tree with every personal field masked, at any depth. */
    public static Map<String, Object> payload(Map<String, Object> payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        payload.forEach((k, v) -> out.put(k, maskValue(k, v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object maskValue(String key, Object v) {
        if (v instanceof Map<?, ?> m) {
            return payload((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(maskValue(key, o));
            }
            return out;
        }
        if (!(v instanceof String s)) {
            return v;
        }
        if (NAME_FIELDS.contains(key)) {
            return name(s);
        }
        if (PHONE_FIELDS.contains(key)) {
            return phone(s);
        }
        if (EMAIL_FIELDS.contains(key)) {
            return email(s);
        }
        if (ID_FIELDS.contains(key)) {
            return idNumber(s);
        }
        if (key.endsWith("Id") || key.endsWith("Key") || key.equals("id")) {
            return s; // identifiers and one-way hashes, not personal text
        }
        return freeText(s);
    }
}
