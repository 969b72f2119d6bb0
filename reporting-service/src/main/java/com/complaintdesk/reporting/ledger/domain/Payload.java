package com.complaintdesk.reporting.ledger.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lenient typed reads from an event payload tree: a missing or odd-typed field reads as null, never throws. */
public record Payload(Map<String, Object> values) {

    public String text(String field) {
        Object v = values.get(field);
        return v == null ? null : String.valueOf(v);
    }

    public Instant instant(String field) {
        Object v = values.get(field);
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (v instanceof Number n) {
            // Jackson writes instants as decimal epoch seconds when timestamps are enabled
            BigDecimal seconds = new BigDecimal(n.toString());
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    public boolean flag(String field) {
        Object v = values.get(field);
        return v instanceof Boolean b ? b : v != null && "true".equalsIgnoreCase(String.valueOf(v));
    }

    public Boolean optionalFlag(String field) {
        Object v = values.get(field);
        return v == null ? null : flag(field);
    }

    public Integer integer(String field) {
        Object v = values.get(field);
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return v == null ? null : Integer.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<String> texts(String field) {
        Object v = values.get(field);
        List<String> out = new ArrayList<>();
        if (v instanceof Iterable<?> it) {
            for (Object o : it) {
                if (o != null) {
                    out.add(String.valueOf(o));
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Payload child(String field) {
        Object v = values.get(field);
        return new Payload(v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<Payload> children(String field) {
        Object v = values.get(field);
        List<Payload> out = new ArrayList<>();
        if (v instanceof Iterable<?> it) {
            for (Object o : it) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new Payload((Map<String, Object>) m));
                }
            }
        }
        return out;
    }

    public boolean has(String field) {
        return values.get(field) != null;
    }
}
