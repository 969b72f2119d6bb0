package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerDocument;
import com.complaintdesk.reporting.ledger.domain.TimelineItem;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.Eventually;
import com.complaintdesk.reporting.support.StoryEvents;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger listener applies a poll's events of one complaint together: the same entry and counters as one by one,
 * and a record that cannot be read still goes to the dead-letter topic alone.
 */
class LedgerBatchTest extends LedgerWriterTest {

    private static ComplaintStory story(String number, Instant start) {
        return new ComplaintStory(number, start).received(Channel.PHONE, ComplainantType.CONSUMER).accepted()
                .triaged("PRODUCT_QUALITY", Severity.IMPORTANT).dispatched("ENGINEERING", "eng-li")
                .reclassified("AFTER_SALES", Severity.GENERAL).resolutionClock(Duration.ofDays(2));
    }

    /** The day's non-zero cells (one by one also leaves zeros in the cells of the intermediate classification). */
    private Map<String, Long> day(String day) {
        Map<String, Long> out = new TreeMap<>();
        counters.read(CounterCells.DAY, day, day, List.of("all", "category", "severity"))
                .forEach(c -> out.merge(c.metric() + "|" + c.dimension() + "|" + c.value(), c.count(), Long::sum));
        out.values().removeIf(n -> n == 0);
        return out;
    }

    @Test
    void events_applied_together_give_the_entry_and_counters_of_events_applied_one_by_one() {
        var oneByOne = story(uniqueNumber("single"), Instant.parse("2022-03-01T02:00:00Z"));
        var together = story(uniqueNumber("batch"), Instant.parse("2022-03-02T02:00:00Z"));
        StoryEvents.of(oneByOne).forEach(updater::apply);
        assertThat(updater.applyAll(StoryEvents.of(together))).isEqualTo(together.events().size());
        assertThat(updater.applyAll(StoryEvents.of(together))).as("a redelivered poll").isZero();

        LedgerDocument a = ledger.find(oneByOne.number()).orElseThrow();
        LedgerDocument b = ledger.find(together.number()).orElseThrow();
        assertThat(b.getEntry().status()).isEqualTo(a.getEntry().status());
        assertThat(b.getEntry().category()).isEqualTo(a.getEntry().category());
        assertThat(b.getEntry().timeline().stream().map(TimelineItem::type).toList())
                .isEqualTo(a.getEntry().timeline().stream().map(TimelineItem::type).toList());
        assertThat(b.getFacts()).hasSameSizeAs(a.getFacts());
        assertThat(b.getPendingCounters()).isEmpty();
        assertThat(day("2022-03-02")).isEqualTo(day("2022-03-01")).isNotEmpty();
    }

    @Test
    void an_unreadable_record_among_a_complaints_events_goes_to_the_dead_letter_topic_and_the_rest_are_applied() {
        var story = story(uniqueNumber("poison"), Instant.parse("2026-11-27T01:00:00Z"));
        try (var dlt = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.TRIAGE))) {
            var events = story.events();
            var first = new ComplaintStory(story.number(), Instant.EPOCH);
            first.events().addAll(events.subList(0, 3));
            var rest = new ComplaintStory(story.number(), Instant.EPOCH);
            rest.events().addAll(events.subList(3, events.size()));
            publish(first);
            publishRaw(Topics.TRIAGE, story.number(), "this is not an event");
            publish(rest);

            dlt.await(r -> story.number().equals(r.key()), 1, Duration.ofSeconds(30));
            Eventually.await(Duration.ofSeconds(30), () -> assertThat(ledger.find(story.number()))
                    .hasValueSatisfying(d -> assertThat(d.getEntry().timeline()).hasSize(events.size())));
        }
    }
}
