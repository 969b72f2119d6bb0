package com.complaintdesk.dispatch.domain.organisation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SPEC §3.8: the person complained about is never the handler. A handler is taken to be complained about when the
 * complaint text names them (their name, employee number or user id), after full-width/half-width folding.
 */
public final class ConflictOfInterest {
    private ConflictOfInterest() {
    }

    public static boolean mentions(String text, Handler handler) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String folded = fold(text);
        return mentioned(folded, handler.name(), 2) || mentioned(folded, handler.employeeNo(), 3)
                || mentioned(folded, handler.id(), 3);
    }

    /** The ids of the handlers the text names. */
    public static Set<String> mentionedHandlers(String text, java.util.Collection<Handler> handlers) {
        return handlers.stream().filter(h -> mentions(text, h)).map(Handler::id).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean mentioned(String foldedText, String token, int minLength) {
        if (token == null || token.isBlank()) {
            return false;
        }
        String t = fold(token);
        return t.length() >= minLength && foldedText.contains(t);
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
