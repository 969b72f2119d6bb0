package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTest {

    private final Map<String, EventTracker.Trace> kafka = new HashMap<>();
    private final Map<String, GatewayClient.LedgerView> ledger = new HashMap<>();

    /** Dispatches with one and the same decision (payload). */
    private void dispatched(String number, String... eventIds) {
        for (String id : eventIds) {
            dispatchedAs(number, id, "{\"department\":\"ENGINEERING\",\"queued\":false}", "ENGINEERING/h1 GENERAL at t: routed");
        }
    }

    private void dispatchedAs(String number, String eventId, String payload, String description) {
        EventTracker.Trace t = kafka.computeIfAbsent(number, k -> new EventTracker.Trace());
        t.dispatched.merge(eventId, 1, Integer::sum);
        t.dispatchPayloads.putIfAbsent(eventId, payload);
        t.dispatchDescriptions.putIfAbsent(eventId, description);
    }

    private void inLedger(String number, List<String> received, List<String> dispatchedIds) {
        ledger.put(number, new GatewayClient.LedgerView(200, "DISPATCHED", "ENGINEERING", received, dispatchedIds));
    }

    private Audit.Result judge(String... acked) {
        return Audit.judge(List.of(acked), kafka::get, ledger);
    }

    @Test
    void givenEveryComplaintDispatchedOnceAndInTheLedger_whenJudged_thenItPasses() {
        dispatched("C-1", "e1");
        dispatched("C-2", "e2");
        inLedger("C-1", List.of("r1"), List.of("e1"));
        inLedger("C-2", List.of("r2"), List.of("e2"));

        Audit.Result r = judge("C-1", "C-2");

        assertThat(r.passed()).isTrue();
        assertThat(r.dispatchedOnce()).isEqualTo(2);
        assertThat(r.ledgerChecked()).isEqualTo(2);
        assertThat(r.failures(10)).isEmpty();
    }

    @Test
    void givenAnAcknowledgedComplaintNeverDispatched_whenJudged_thenItFailsNamingIt() {
        dispatched("C-1", "e1");

        Audit.Result r = judge("C-1", "C-2");

        assertThat(r.passed()).isFalse();
        assertThat(r.missingDispatch()).containsExactly("C-2");
        assertThat(r.failures(10)).singleElement().asString().contains("not dispatched").contains("C-2");
    }

    @Test
    void givenTheSameEventIdDeliveredTwice_whenJudged_thenItIsARedeliveryNotADuplicate() {
        dispatched("C-1", "e1", "e1");

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isTrue();
        assertThat(r.redeliveredRecords()).isEqualTo(1);
        assertThat(r.redeliveredComplaints()).isEqualTo(1);
        assertThat(r.duplicateDispatch()).isEmpty();
    }

    @Test
    void givenTheSameDecisionUnderTwoEventIds_whenJudged_thenItFailsAsDuplicate() {
        dispatched("C-1", "e1", "e9");

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isFalse();
        assertThat(r.duplicateDispatch()).singleElement().asString().startsWith("C-1×2");
    }

    @Test
    void givenAQueuedDispatchLaterAssignedToAHandler_whenJudged_thenTheSecondIsAFollowUpNotADuplicate() {
        dispatchedAs("C-1", "e1", "{\"department\":\"ENGINEERING\",\"queued\":true}", "ENGINEERING/? GENERAL at t1: routed");
        dispatchedAs("C-1", "e2", "{\"department\":\"ENGINEERING\",\"handler\":\"h1\",\"queued\":false}",
                "ENGINEERING/h1 GENERAL at t2: assigned from the department queue");

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isTrue();
        assertThat(r.followUpDispatches()).isEqualTo(1);
        assertThat(r.followUpReasons()).containsEntry("assigned from the department queue", 1);
    }

    @Test
    void givenTriageRejectedAComplaint_whenJudged_thenTheMissingDispatchIsNoLoss() {
        EventTracker.Trace t = new EventTracker.Trace();
        t.decision = "ComplaintRejected";
        kafka.put("C-1", t);

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isTrue();
        assertThat(r.stoppedByTriage()).containsEntry("ComplaintRejected", 1);
    }

    @Test
    void givenALedgerEntryThatNeverShowed_whenJudged_thenItFails() {
        dispatched("C-1", "e1");
        ledger.put("C-1", new GatewayClient.LedgerView(404, null, null, List.of(), List.of()));

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isFalse();
        assertThat(r.ledgerMissing()).containsExactly("C-1(HTTP 404)");
    }

    @Test
    void givenTheLedgerAppliedAnEventTwice_whenJudged_thenItFailsAsLedgerDuplicate() {
        dispatched("C-1", "e1");
        inLedger("C-1", List.of("r1"), List.of("e1", "e1"));

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isFalse();
        assertThat(r.ledgerDuplicates()).containsExactly("C-1");
    }

    @Test
    void givenADoubleDispatchOnKafkaMirroredInTheLedger_whenJudged_thenItCountsOnceAsADispatchDuplicate() {
        dispatched("C-1", "e1", "e2");
        inLedger("C-1", List.of("r1"), List.of("e1", "e2"));

        Audit.Result r = judge("C-1");

        assertThat(r.duplicateDispatch()).hasSize(1);
        assertThat(r.ledgerDuplicates()).isEmpty();
        assertThat(r.ledgerWithoutDispatch()).isEmpty();
    }

    @Test
    void givenALedgerDispatchKafkaNeverCarried_whenJudged_thenItIsALedgerDuplicate() {
        dispatched("C-1", "e1");
        inLedger("C-1", List.of("r1"), List.of("e1", "e7"));

        assertThat(judge("C-1").ledgerDuplicates()).containsExactly("C-1");
    }

    @Test
    void givenTheLedgerLacksTheDispatchKafkaCarried_whenJudged_thenItFails() {
        dispatched("C-1", "e1");
        inLedger("C-1", List.of("r1"), List.of());

        Audit.Result r = judge("C-1");

        assertThat(r.passed()).isFalse();
        assertThat(r.ledgerWithoutDispatch()).containsExactly("C-1");
    }

    @Test
    void givenNothingAcknowledged_whenJudged_thenThereIsNothingToPassOn() {
        assertThat(judge().passed()).isFalse();
    }

    @Test
    void givenSomeComplaintsNotYetDispatched_whenAskedWhatIsUnsettled_thenOnlyThoseAreListed() {
        dispatched("C-1", "e1");
        EventTracker.Trace awaiting = new EventTracker.Trace();
        awaiting.decision = "AwaitingDocuments";
        kafka.put("C-3", awaiting);

        assertThat(Audit.unsettled(List.of("C-1", "C-2", "C-3"), kafka::get)).containsExactly("C-2");
    }
}
