package com.complaintdesk.reporting.statistics.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.ledger.domain.LedgerProjection;
import com.complaintdesk.reporting.ledger.domain.ProjectionSettings;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CounterCellsTest {

    final LedgerProjection projection = new LedgerProjection(ProjectionSettings.defaults());
    final FactExtractor extractor = new FactExtractor(ZoneId.of("Asia/Shanghai"));

    List<Fact> facts(ComplaintStory s) {
        LedgerEntry e = projection.project(s.number(), StoryEvents.of(s));
        return extractor.facts(e);
    }

    @Test
    void a_complaint_received_late_in_the_evening_utc_counts_on_the_next_shanghai_day() {
        var s = new ComplaintStory("C-1", Instant.parse("2026-11-30T17:00:00Z")).received(Channel.PHONE, ComplainantType.CONSUMER);

        assertThat(facts(s)).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo("received");
            assertThat(f.day()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(f.category()).isEqualTo("UNKNOWN");
        });
    }

    @Test
    void a_reclassification_moves_the_counts_from_the_old_category_to_the_new_one() {
        var s = new ComplaintStory("C-1", Instant.parse("2026-11-03T02:00:00Z"))
                .received(Channel.PHONE, ComplainantType.CONSUMER).accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL);
        List<Fact> before = facts(s);
        s.reclassified("BILLING_REFUND", Severity.MAJOR);
        List<Fact> after = facts(s);

        Map<CounterCells.Cell, Integer> delta = CounterCells.delta(before, after);

        var old = new CounterCells.Cell("M", "2026-11", "received", "category", "PRODUCT_QUALITY");
        var now = new CounterCells.Cell("M", "2026-11", "received", "category", "BILLING_REFUND");
        assertThat(delta).containsEntry(old, -1).containsEntry(now, 1);
        // the totals do not move: still one received, one accepted
        assertThat(delta).doesNotContainKey(new CounterCells.Cell("M", "2026-11", "received", "all", "all"));
    }

    @Test
    void the_same_facts_give_no_delta_so_a_replay_changes_no_counter() {
        var s = new ComplaintStory("C-1", Instant.parse("2026-11-03T02:00:00Z"))
                .received(Channel.PHONE, ComplainantType.CONSUMER).accepted().urged().urged();
        assertThat(CounterCells.delta(facts(s), facts(s))).isEmpty();
        assertThat(facts(s)).extracting(Fact::metric).containsExactly("received", "accepted", "urges", "urges");
    }

    @Test
    void facts_survive_their_string_encoding() {
        Fact f = new Fact("investigated", LocalDate.of(2026, 11, 3), "PRODUCT_QUALITY", "PHONE", "ENG", "MAJOR", "CONSUMER", "质量|缺陷");
        assertThat(Fact.decode(f.encode())).isEqualTo(f);
    }

    @Test
    void rates_are_null_without_a_denominator_and_rounded_to_four_places_otherwise() {
        Figures empty = Figures.of(Map.of());
        assertThat(empty.rate(Figures.Rate.HANDLING_RATE)).isNull();
        Figures some = Figures.of(Map.of("resolved", 2L, "resolvedOnTime", 1L, "accepted", 3L));
        assertThat(some.rate(Figures.Rate.HANDLING_RATE)).isEqualTo(0.6667);
        assertThat(some.rate(Figures.Rate.TIMELINESS_RATE)).isEqualTo(0.5);
        assertThat(some.count("received")).isZero();
    }
}
