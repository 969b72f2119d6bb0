package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * How the store's unique indexes keep their keys in H2: element by element. mongo-java-server's H2 backend keeps the
 * whole {@link KeyValue} as one opaque object, and since {@code KeyValue} is not {@code Comparable} H2 compares two
 * keys by Java-serialising both — every comparison of every index look-up and insert (about 20 per look-up), which
 * was a third of the store's CPU.
 * <p>
 * Here a key is compared value by value: first by kind (null, then H2's order of its own types: Boolean, numbers,
 * Character, String, UUID, Date, arrays, then every other class by name), then within a kind by the values'
 * {@code compareTo} (a {@code BigDecimal} also by scale, so that {@code compare == 0} exactly when {@code equals});
 * a class that is not {@code Comparable} (a sub-document) by its serialised form, as H2 did, and
 * mongo-java-server's {@link Missing} (a field the document does not have) is equal to itself. The comparison keeps
 * no state, so the MVStore's background writer may compare while the store's workers do. Each value is written with
 * H2's own {@link ObjectDataType} (compact for strings, numbers and dates; Java serialisation for the rest).
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    static final KeyValueDataType INSTANCE = new KeyValueDataType();

    /** H2's type for writing and reading one value (its compare is not used: it is not safe across threads). */
    private final ObjectDataType values = new ObjectDataType();

    private KeyValueDataType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object x, Object y) {
        if (x == y) {
            return 0;
        }
        int kind = Integer.compare(kind(x), kind(y));
        if (kind != 0) {
            return kind;
        }
        if (kind(x) == OTHER) {
            int byClass = x.getClass().getName().compareTo(y.getClass().getName());
            if (byClass != 0) {
                return byClass;
            }
            if (x instanceof Missing) {
                return 0;
            }
        }
        if (x instanceof BigDecimal bx && y instanceof BigDecimal by) {
            int c = bx.compareTo(by);
            return c != 0 ? c : Integer.compare(bx.scale(), by.scale());
        }
        if (x instanceof Date dx && y instanceof Date dy) {
            int c = Long.compare(dx.getTime(), dy.getTime());
            return c != 0 || dx.getClass() == dy.getClass() ? c : dx.getClass().getName().compareTo(dy.getClass().getName());
        }
        if (x instanceof Comparable cx && x.getClass() == y.getClass() && kind(x) != ARRAY) {
            return cx.compareTo(y);
        }
        return Arrays.compareUnsigned(serialized(x), serialized(y));
    }

    private static final int ARRAY = 14;
    private static final int OTHER = 19;

    /** H2's order of its own types ({@code ObjectDataType}), null first, every other class last. */
    private static int kind(Object v) {
        if (v == null) {
            return 0;
        } else if (v instanceof Boolean) {
            return 1;
        } else if (v instanceof Byte) {
            return 2;
        } else if (v instanceof Short) {
            return 3;
        } else if (v instanceof Integer) {
            return 4;
        } else if (v instanceof Long) {
            return 5;
        } else if (v instanceof BigInteger) {
            return 6;
        } else if (v instanceof Float) {
            return 7;
        } else if (v instanceof Double) {
            return 8;
        } else if (v instanceof BigDecimal) {
            return 9;
        } else if (v instanceof Character) {
            return 10;
        } else if (v instanceof String) {
            return 11;
        } else if (v instanceof UUID) {
            return 12;
        } else if (v instanceof Date) {
            return 13;
        } else if (v.getClass().isArray()) {
            return ARRAY;
        }
        return OTHER;
    }

    private static byte[] serialized(Object v) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("an index key value that cannot be serialised: " + v.getClass().getName(), e);
        }
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 32;
        for (Object v : key) {
            memory += values.getMemory(v);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object v : key) {
            values.write(buffer, v);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
