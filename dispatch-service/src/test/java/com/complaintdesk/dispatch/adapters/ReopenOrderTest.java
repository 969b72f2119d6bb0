package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.14: followup's ComplaintReopened always follows a resolution, so whichever order dispatch sees it in, it is
 * not lost (it used to be dropped unless the case was RESOLVED): before the resolution it is taken in by the case
 * still being handled, after it the case is dispatched again, after a close it is reopened; and a reopen already
 * taken in does not reopen a later resolution.
 */
class ReopenOrderTest extends DispatchIntegrationTest {

    /** Dispatched to OPERATIONS, investigated, a replacement proposed and accepted: IN_PROGRESS. */
    HandlingCase inProgress(String n) {
        publish(Topics.INTAKE, n, Events.received(n, "电饭煲坏了"));
        awaitCase(n, d -> d.handling.content() != null);
        publish(Topics.TRIAGE, n, Events.triaged("PRODUCT_QUALITY", Severity.GENERAL));
        var c = awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED).handling;
        Caller handler = handler(c);
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/investigation", handler, "{\"cause\":\"defect\"}").status())
                .isEqualTo(200);
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/solution", handler,
                "{\"items\":[{\"kind\":\"REPLACEMENT\"}]}").status()).isEqualTo(200);
        assertThat(post("/api/v1/complaints/" + n + "/solution/accept", Caller.channel(), "{\"verify\":\"8000\"}").status())
                .isEqualTo(200);
        return cases.find(n).orElseThrow().handling;
    }

    static Caller handler(HandlingCase c) {
        return new Caller(c.handler(), "HANDLER", c.department());
    }

    void resolve(String n, HandlingCase c) {
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/resolution", handler(c), "{\"summary\":\"replaced\"}").status())
                .isEqualTo(200);
    }

    static ComplaintReopened reopen(String reason, int number) {
        return new ComplaintReopened(reason, number, "OPERATIONS", null, null);
    }

    @Test
    void resolution_then_reopen_dispatches_it_again_and_a_duplicate_of_that_reopen_changes_nothing_later() {
        String n = newNumber();
        var c = inProgress(n);
        resolve(n, c);

        publish(Topics.FOLLOWUP, n, reopen("still broken", 1));

        var reopened = awaitCase(n, d -> d.handling.reopenCount() == 1).handling;
        assertThat(reopened.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(reopened.handler()).isEqualTo(c.handler());

        // handled again and resolved; the same reopen delivered once more (another event id) must not undo that
        Caller handler = handler(reopened);
        post("/api/v1/dispatch/complaints/" + n + "/investigation", handler, "{\"cause\":\"defect\"}");
        post("/api/v1/dispatch/complaints/" + n + "/solution", handler, "{\"items\":[{\"kind\":\"REPLACEMENT\"}]}");
        post("/api/v1/complaints/" + n + "/solution/accept", Caller.channel(), "{\"verify\":\"8000\"}");
        resolve(n, reopened);
        publish(Topics.FOLLOWUP, n, reopen("still broken", 1));
        var after = awaitCase(n, d -> d.getProcessedEvents().size() >= 4).handling;
        assertThat(after.status()).isEqualTo(HandlingStatus.RESOLVED);
        assertThat(after.reopenCount()).isEqualTo(1);
    }

    @Test
    void reopen_before_the_resolution_is_taken_in_by_the_case_in_progress_and_the_resolution_is_then_revisited_again() {
        String n = newNumber();
        var c = inProgress(n);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            publish(Topics.FOLLOWUP, n, reopen("still broken", 1));

            var taken = awaitCase(n, d -> d.handling.reopenCount() == 1).handling;
            assertThat(taken.status()).as("the work in hand goes on").isEqualTo(HandlingStatus.IN_PROGRESS);
            assertThat(taken.solution()).isNotNull();
            var told = probe.await(r -> n.equals(r.key()) && r.value().contains("\"type\":\"StaffNotified\"")
                    && r.value().contains("Not satisfied at the revisit"), 1, Duration.ofSeconds(20)).get(0);
            assertThat(told.value()).contains("\"recipient\":\"" + c.handler() + "\"").contains("\"role\":\"HANDLER\"");

            resolve(n, c);
            probe.await(EventProbe.ofType(n, "ComplaintResolved"), 1, Duration.ofSeconds(20));
            assertThat(cases.find(n).orElseThrow().handling.status()).isEqualTo(HandlingStatus.RESOLVED);
        }
        // followup revisits that resolution; not satisfied again: its second reopen dispatches the complaint again
        publish(Topics.FOLLOWUP, n, reopen("worse now", 2));
        var reopened = awaitCase(n, d -> d.handling.reopenCount() == 2).handling;
        assertThat(reopened.status()).isEqualTo(HandlingStatus.DISPATCHED);
    }

    @Test
    void a_reopen_delivered_after_a_close_reopens_and_a_close_after_the_reopen_closes() {
        String closedFirst = newNumber();
        resolve(closedFirst, inProgress(closedFirst));
        publish(Topics.FOLLOWUP, closedFirst, new ComplaintClosed("revisit: complainant satisfied (4/5)"));
        awaitCase(closedFirst, d -> d.handling.status() == HandlingStatus.CLOSED);
        publish(Topics.FOLLOWUP, closedFirst, reopen("changed my mind", 1));
        var reopened = awaitCase(closedFirst, d -> d.handling.reopenCount() == 1).handling;
        assertThat(reopened.status()).isEqualTo(HandlingStatus.DISPATCHED);

        String reopenedFirst = newNumber();
        resolve(reopenedFirst, inProgress(reopenedFirst));
        publish(Topics.FOLLOWUP, reopenedFirst, reopen("still broken", 1));
        awaitCase(reopenedFirst, d -> d.handling.reopenCount() == 1);
        publish(Topics.FOLLOWUP, reopenedFirst, new ComplaintClosed("withdrawn"));
        assertThat(awaitCase(reopenedFirst, d -> d.handling.status() == HandlingStatus.CLOSED).handling.reopenCount())
                .isEqualTo(1);
    }
}
