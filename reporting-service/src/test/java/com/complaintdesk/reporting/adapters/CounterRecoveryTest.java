package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerDocument;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that crashed after the ledger write and before the counter update leaves its counter change pending on the
 * complaint's document. When the complaint gets no further event, the sweep finishes it — once.
 */
class CounterRecoveryTest extends LedgerWriterTest {

    @AfterEach
    void resetClock() {
        clock.set(com.complaintdesk.reporting.support.TestClockConfiguration.START);
    }

    long count(String cellDay) {
        return CounterStore.byMetric(counters.read(CounterCells.DAY, cellDay, cellDay, List.of("all"))).getOrDefault("received", 0L);
    }

    @Test
    void a_counter_change_left_pending_by_a_crash_is_finished_by_the_sweep_exactly_once() {
        String day = "2024-02-29";
        var story = new ComplaintStory(uniqueNumber("crash"), Instant.parse("2024-02-29T04:00:00Z"))
                .received(Channel.PHONE, ComplainantType.CONSUMER);
        StoryEvents.of(story).forEach(updater::apply);
        long before = count(day);

        // what a crash between the ledger save and the counter update leaves behind: a pending change not applied
        LedgerDocument doc = ledger.find(story.number()).orElseThrow();
        var cell = new CounterCells.Cell(CounterCells.DAY, day, "received", "all", "all");
        List<LedgerDocument.PendingCounters> pending = new ArrayList<>(doc.getPendingCounters());
        pending.add(new LedgerDocument.PendingCounters("crashed-" + story.number(), clock.instant(),
                List.of(CounterStore.CellDelta.of(cell, 1))));
        doc.setPendingCounters(pending);
        ledger.save(doc);

        assertThat(updater.finishAbandonedCounters()).as("too recent: its writer may still be at work").isZero();
        clock.set(clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(updater.finishAbandonedCounters()).isEqualTo(1);
        assertThat(updater.finishAbandonedCounters()).as("finished once").isZero();

        assertThat(count(day)).isEqualTo(before + 1);
        assertThat(ledger.find(story.number()).orElseThrow().getPendingCounters()).isEmpty();
    }
}
