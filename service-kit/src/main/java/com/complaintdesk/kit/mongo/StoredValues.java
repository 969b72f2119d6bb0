package com.complaintdesk.kit.mongo;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * The small conversions a hand-written document mapping needs, in the form Spring Data's converter writes and reads
 * them (a null property is left out, an {@code Instant} is a BSON date, a collection is an array), so the mappings of
 * the hot-path documents (sla's clocks, reporting's ledger) store exactly what the converter stored.
 */
public final class StoredValues {

    private StoredValues() {
    }

    /** Puts the value unless it is null: Spring Data leaves a null property out of the document. */
    public static void put(Document out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    public static Date date(Instant t) {
        return t == null ? null : Date.from(t);
    }

    /** The instant of a stored BSON date; null for a missing value (or one that is not a date). */
    public static Instant instant(Object stored) {
        return stored instanceof Date d ? d.toInstant() : null;
    }

    /** Each element written with {@code each} (a null element stays null); null for a null collection. */
    public static <T> List<Object> list(Collection<T> values, Function<? super T, ?> each) {
        if (values == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(values.size());
        for (T v : values) {
            out.add(v == null ? null : each.apply(v));
        }
        return out;
    }

    /** Each stored element read with {@code each} (a null element stays null); null when the value is not an array. */
    public static <T> List<T> readList(Object stored, Function<Object, T> each) {
        if (!(stored instanceof Collection<?> c)) {
            return null;
        }
        List<T> out = new ArrayList<>(c.size());
        for (Object o : c) {
            out.add(o == null ? null : each.apply(o));
        }
        return out;
    }
}
