package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How the store's unique indexes keep their keys in H2: element by element, each value with H2's own
 * {@link ObjectDataType}. mongo-java-server's H2 backend keeps the whole {@link KeyValue} as one opaque object, and
 * since {@code KeyValue} is not {@code Comparable} H2 compares two keys by Java-serialising both — every comparison of
 * every index look-up and insert (about 20 per look-up), which was a third of the store's CPU. Compared per element,
 * a String, Long or Date key costs a {@code compareTo}; a value H2 does not know (ObjectId, Missing) is compared as
 * H2 compared it before ({@code compareTo} when it is {@code Comparable}, its serialised form otherwise), so two keys
 * are equal here exactly when they were equal before.
 */
final class KeyValueDataType extends BasicDataType<KeyValue> {

    static final KeyValueDataType INSTANCE = new KeyValueDataType();

    /** H2's type for one value; its per-type cache is racy by design (H2 shares one instance per map the same way). */
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
            int c = values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
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
