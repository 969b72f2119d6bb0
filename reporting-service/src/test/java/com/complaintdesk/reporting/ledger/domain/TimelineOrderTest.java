package com.complaintdesk.reporting.ledger.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline of events stamped with one instant, as the services really write them together (found by the system
 * test of an unsatisfied revisit: the store keeps milliseconds, so followup's RevisitDone and ComplaintReopened share one).
 */
class TimelineOrderTest {

    final LedgerProjection projection = new LedgerProjection(ProjectionSettings.defaults());

    @Test
    void given_an_unsatisfied_revisit_and_its_reopen_in_one_instant_when_projected_then_the_revisit_comes_first() {
        var s = new ComplaintStory("C-RO", Instant.parse("2026-11-23T02:00:00Z")).received(Channel.PHONE, ComplainantType.CONSUMER)
                .accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .proposed().solutionAccepted().resolved()
                .together(x -> x.revisited(false, true).reopened(1, "OPERATIONS", "ops-h1"));

        LedgerEntry e = projection.project(s.number(), StoryEvents.of(s));

        assertThat(e.timeline()).extracting(TimelineItem::type).endsWith("RevisitDone", "ComplaintReopened");
        assertThat(e.timeline()).extracting(TimelineItem::status).endsWith("RESOLVED", "REOPENED");
        assertThat(e.status()).isEqualTo("REOPENED");
    }

    @Test
    void given_the_reopen_and_the_new_dispatch_later_when_projected_then_the_complaint_is_dispatched_again() {
        var s = new ComplaintStory("C-RD", Instant.parse("2026-11-23T02:00:00Z")).received(Channel.PHONE, ComplainantType.CONSUMER)
                .accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL).dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL)
                .proposed().solutionAccepted().resolved()
                .together(x -> x.revisited(false, true).reopened(1, "OPERATIONS", "ops-h1"))
                .dispatched("OPERATIONS", "ops-h1", null, Severity.GENERAL);

        LedgerEntry e = projection.project(s.number(), StoryEvents.of(s));

        assertThat(e.timeline()).extracting(TimelineItem::type).endsWith("RevisitDone", "ComplaintReopened", "ComplaintDispatched");
        assertThat(e.status()).isEqualTo("DISPATCHED");
        assertThat(e.reopenCount()).isEqualTo(1);
    }
}
