package com.complaintdesk.reporting.adapters;

import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter change of one ledger write is applied in one read and one bulk write, and still at most once per cell;
 * the ledger's versioned saves have the {@code (_id, version)} index the Mongo-wire store needs (test profile sets
 * {@code kit.outbox.id-indexes}, as the local run does).
 */
class CounterStoreTest extends ReportingIntegrationTest {

    @Autowired
    CounterStore counters;
    @Autowired
    MongoTemplate mongo;

    private static CounterStore.CellDelta cell(String period, String metric, String value, int delta) {
        return CounterStore.CellDelta.of(new CounterCells.Cell(CounterCells.DAY, period, metric, "category", value), delta);
    }

    private long count(String period, String metric, String value) {
        return counters.read(CounterCells.DAY, period, period, List.of("category")).stream()
                .filter(c -> c.metric().equals(metric) && c.value().equals(value))
                .mapToLong(CounterStore.Counter::count).sum();
    }

    @Test
    void given_several_cells_when_a_change_is_applied_twice_then_each_cell_takes_it_once() {
        String day = "2023-05-0" + (1 + (int) (Math.random() * 8));
        String value = "V-" + UUID.randomUUID();
        List<CounterStore.CellDelta> change = List.of(cell(day, "received", value, 1), cell(day, "resolved", value, 2),
                cell(day, "received", value, 1)); // the same cell twice takes the change once, as before
        counters.apply("d1-" + value, change);
        counters.apply("d1-" + value, change); // a redelivery, or the sweep finishing it again

        assertThat(count(day, "received", value)).isEqualTo(1);
        assertThat(count(day, "resolved", value)).isEqualTo(2);

        counters.apply("d2-" + value, List.of(cell(day, "received", value, -1), cell(day, "overdue", value, 1)));
        assertThat(count(day, "received", value)).isZero();
        assertThat(count(day, "overdue", value)).isEqualTo(1);
        counters.apply("d3-" + value, List.of());
    }

    @Test
    void given_writers_racing_to_create_the_same_new_cells_then_no_change_is_lost() throws Exception {
        String day = "2023-06-01";
        String value = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String deltaId = "race-" + i + "-" + value;
                done.add(pool.submit(() -> counters.apply(deltaId,
                        List.of(cell(day, "received", value, 1), cell(day, "resolved", value, 1)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(day, "received", value)).isEqualTo(16);
        assertThat(count(day, "resolved", value)).isEqualTo(16);
    }

    @Test
    void the_ledger_has_the_unique_id_version_index_for_its_versioned_saves() {
        List<Document> indexes = mongo.getCollection(LedgerStore.COLLECTION).listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(i -> {
            assertThat(i.getString("name")).isEqualTo("_id_version");
            assertThat(i.get("key", Document.class).keySet()).containsExactly("_id", "version");
            assertThat(i.getBoolean("unique")).isTrue();
        });
    }
}
