package com.complaintdesk.reporting.ledger.domain;

import java.util.Comparator;
import java.util.Map;

/**
 * The order of a complaint's timeline. One complaint's events come from several topics (one per service), so
 * Kafka order alone says nothing across services: the timeline is ordered by {@code occurredAt}, then — for events
 * stamped with the same instant — by their place in the process of SPEC §3, then by event id, so the order is
 * the same on every replay.
 */
public final class LifecycleOrder {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("ComplaintReceived", 0), Map.entry("EvidenceAdded", 10), Map.entry("ComplaintUrged", 10),
            Map.entry("AwaitingDocuments", 20), Map.entry("AcceptanceEscalated", 30),
            Map.entry("ComplaintAccepted", 40), Map.entry("ComplaintRejected", 40), Map.entry("ComplaintTransferred", 40),
            Map.entry("ComplaintTriaged", 50), Map.entry("CollectiveCaseOpened", 60), Map.entry("ComplaintReclassified", 60),
            // a transfer is followed by the new dispatch it causes, stamped with the same instant
            Map.entry("DepartmentTransferred", 65),
            Map.entry("ComplaintDispatched", 70), Map.entry("ComplaintReassigned", 80), Map.entry("SupervisorAssigned", 81),
            Map.entry("StaffNotified", 82),
            Map.entry("InvestigationRecorded", 90), Map.entry("SolutionProposed", 100),
            Map.entry("SolutionRejected", 110), Map.entry("SolutionAccepted", 110),
            Map.entry("OnSiteArrived", 120), Map.entry("OnSiteHandlingRecorded", 120), Map.entry("DisagreementRecorded", 121),
            Map.entry("PreventiveMeasureRecorded", 122),
            Map.entry("ComplaintResolved", 130), Map.entry("RevisitDue", 140), Map.entry("RevisitAttemptFailed", 145),
            Map.entry("RevisitDone", 150),
            // followup publishes an unsatisfied revisit and the reopen it causes together (one instant at the
            // ledger's milliseconds); the new dispatch comes later, from dispatch-service
            Map.entry("ComplaintReopened", 155),
            Map.entry("SpecialReportFiled", 170), Map.entry("ComplaintClosed", 180),
            // the life of one SLA clock, for events of one instant: started, paused / resumed (a resume re-announces
            // the start with the new due time), warned, breached, escalated, stopped
            Map.entry("SlaClockStarted", 200), Map.entry("SlaClockPaused", 201), Map.entry("SlaClockResumed", 202),
            Map.entry("SlaWarning", 203), Map.entry("SlaBreached", 204), Map.entry("SlaEscalated", 205),
            Map.entry("SeverityUpgradeRequested", 206), Map.entry("SlaClockStopped", 207));

    private LifecycleOrder() {
    }

    public static int rank(String type) {
        return RANK.getOrDefault(type, 500);
    }

    /** Dispatch-service numbers the dispatches of a complaint (1, 2, ...): two of one instant keep that order. */
    static int sequence(LedgerEvent e) {
        if (!"ComplaintDispatched".equals(e.type())) {
            return 0;
        }
        Integer n = e.body().integer("sequence");
        return n == null ? 0 : n;
    }

    public static final Comparator<LedgerEvent> TIMELINE = Comparator
            .comparing(LedgerEvent::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(e -> rank(e.type()))
            .thenComparingInt(LifecycleOrder::sequence)
            .thenComparing(LedgerEvent::eventId);
}
