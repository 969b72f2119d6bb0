package com.complaintdesk.reporting.adapters;

import com.complaintdesk.reporting.adapters.kafka.LedgerListener;
import com.complaintdesk.reporting.adapters.kafka.TolerantEventReader;
import com.complaintdesk.reporting.application.LedgerUpdater;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the ledger listener hands the kit's error handler when a poll cannot be applied whole. The handler commits
 * every record before the reported index and redelivers the rest, so every record before it must be in the ledger by
 * then, whichever complaint it belongs to; an event that cannot be applied must be the one reported.
 */
class LedgerListenerFailureTest {

    /** A ledger that keeps event ids (once each, as the real one does) and cannot apply the events it is told to refuse. */
    static class Ledger extends LedgerUpdater {
        final Set<String> applied = new LinkedHashSet<>();
        final Set<String> refused;

        Ledger(String... refused) {
            super(null, null, null, null, null, new SimpleMeterRegistry(), Clock.systemUTC());
            this.refused = Set.of(refused);
        }

        @Override
        public int applyAll(List<LedgerEvent> events) {
            for (LedgerEvent e : events) {
                if (refused.contains(e.eventId())) {
                    throw new IllegalStateException("cannot apply " + e.eventId());
                }
            }
            int fresh = 0;
            for (LedgerEvent e : events) {
                fresh += applied.add(e.eventId()) ? 1 : 0;
            }
            return fresh;
        }

        @Override
        public boolean apply(LedgerEvent event) {
            return applyAll(List.of(event)) > 0;
        }
    }

    private static ConsumerRecord<String, String> event(int offset, String complaint, String eventId) {
        String json = """
                {"eventId":"%s","type":"ComplaintUrged","schemaVersion":1,"occurredAt":"2026-11-28T01:00:00Z",
                 "complaintId":"%s","producer":"intake-service","payload":{"urgeCount":1}}""".formatted(eventId, complaint);
        return new ConsumerRecord<>("complaints.intake", 0, offset, complaint, json);
    }

    private static List<ConsumerRecord<String, String>> poll(ConsumerRecord<String, String>... records) {
        return new ArrayList<>(List.of(records));
    }

    private static LedgerListener listenerOver(Ledger ledger) {
        return new LedgerListener(ledger, new TolerantEventReader(JsonMapper.builder().build()));
    }

    @Test
    void when_a_complaints_event_fails_every_earlier_record_of_the_poll_is_applied_before_it_is_reported() {
        var ledger = new Ledger("a-2");
        var records = poll(event(0, "C-A", "a-0"), event(1, "C-B", "b-1"), event(2, "C-A", "a-2"), event(3, "C-C", "c-3"));

        var failure = catchThrowableOfType(BatchListenerFailedException.class, () -> listenerOver(ledger).on(records));

        assertThat(failure.getIndex()).as("the event that cannot be applied").isEqualTo(2);
        // the error handler now commits offsets 0 and 1: both must be in the ledger (b-1 is another complaint's,
        // grouped after C-A's failing write)
        assertThat(ledger.applied).contains("a-0", "b-1").doesNotContain("a-2");
    }

    @Test
    void a_poll_whose_complaints_all_apply_is_applied_whole() {
        var ledger = new Ledger();
        listenerOver(ledger).on(poll(event(0, "C-A", "a-0"), event(1, "C-B", "b-1"), event(2, "C-A", "a-2")));

        assertThat(ledger.applied).containsExactlyInAnyOrder("a-0", "b-1", "a-2");
    }

    @Test
    void an_unreadable_record_is_reported_after_everything_before_it_and_nothing_after_it_is_applied() {
        var ledger = new Ledger();
        var broken = new ConsumerRecord<>("complaints.intake", 0, 1L, "C-B", "{not json");
        var records = poll(event(0, "C-A", "a-0"), broken, event(2, "C-C", "c-2"));

        var failure = catchThrowableOfType(BatchListenerFailedException.class, () -> listenerOver(ledger).on(records));

        assertThat(failure.getIndex()).isEqualTo(1);
        assertThat(ledger.applied).containsExactly("a-0"); // c-2 is redelivered after the broken record is handled
    }

    @Test
    void a_write_that_fails_once_as_a_group_is_applied_one_by_one_without_reporting_anything() {
        var ledger = new Ledger() {
            boolean failedOnce;

            @Override
            public int applyAll(List<LedgerEvent> events) {
                if (events.size() > 1 && !failedOnce) {
                    failedOnce = true; // a lost race on the entry, say
                    throw new IllegalStateException("concurrent update");
                }
                return super.applyAll(events);
            }
        };

        listenerOver(ledger).on(poll(event(0, "C-A", "a-0"), event(1, "C-A", "a-1"), event(2, "C-B", "b-2")));

        assertThat(ledger.applied).containsExactlyInAnyOrder("a-0", "a-1", "b-2");
    }
}
