package com.complaintdesk.localrun;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index key type orders any mix of values a Mongo document can hold at one key position (the background writer
 * compacting the file compares keys whose values have different types, e.g. a lease date against a missing lease),
 * is a total order that is zero exactly for equal keys, reads back what it wrote, and keeps no state between
 * comparisons (the store's workers and the background writer compare at the same time).
 */
class KeyValueDataTypeTest {

    private static final KeyValueDataType TYPE = KeyValueDataType.INSTANCE;

    private static List<Object> values() {
        return List.of(Missing.getInstance(), "C-20261129-000001", "C-20261129-000002", "", 7L, 8L, 3, 2.5, true,
                new Date(1_700_000_000_000L), new Date(1_700_000_000_001L), new ObjectId(), new ObjectId(),
                new BigDecimal("1.0"), new BigDecimal("1.00"), UUID.fromString("7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00"),
                new Document("a", 1), new Document("a", 2));
    }

    private static List<KeyValue> keys() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object first : values()) {
            for (Object second : values()) {
                keys.add(new KeyValue(first, second));
            }
            keys.add(new KeyValue(first));
        }
        return keys;
    }

    @Test
    void any_two_keys_compare_and_the_order_is_total() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(TYPE.compare(a, b));
                assertEquals(-ab, Integer.signum(TYPE.compare(b, a)), a + " / " + b);
                assertEquals(a.equals(b), ab == 0, a + " / " + b);
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(TYPE);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertTrue(TYPE.compare(sorted.get(i), sorted.get(j)) < 0, sorted.get(i) + " before " + sorted.get(j));
            }
        }
    }

    @Test
    void a_missing_field_equals_a_missing_field_and_nothing_else() {
        String id = "C-20261129-000001";
        assertEquals(0, TYPE.compare(new KeyValue(id, Missing.getInstance()), new KeyValue(id, Missing.getInstance())));
        assertNotEquals(0, TYPE.compare(new KeyValue(id, Missing.getInstance()), new KeyValue(id, new Date(0))));
        assertNotEquals(0, TYPE.compare(new KeyValue(id, 1L), new KeyValue(id, 1)));
    }

    @Test
    void what_is_written_reads_back_as_an_equal_key() {
        for (KeyValue key : keys()) {
            WriteBuffer buffer = new WriteBuffer();
            TYPE.write(buffer, key);
            KeyValue read = TYPE.read(buffer.getBuffer().flip());
            assertEquals(0, TYPE.compare(key, read), key.toString());
        }
    }

    @Test
    void comparisons_from_many_threads_at_once_do_not_interfere() throws Exception {
        List<KeyValue> keys = keys();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 50_000; i++) {
                        KeyValue a = keys.get(random.nextInt(keys.size()));
                        KeyValue b = keys.get(random.nextInt(keys.size()));
                        if ((TYPE.compare(a, b) == 0) != a.equals(b)) {
                            throw new AssertionError(a + " / " + b);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
