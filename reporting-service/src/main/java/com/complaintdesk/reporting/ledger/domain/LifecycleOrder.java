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
            Map.entry("ComplaintReceived", 0), Map.entry("EvidenceAdded", 1), Map.entry("ComplaintUrged", 1),
            Map.entry("AwaitingDocuments", 2), Map.entry("AcceptanceEscalated", 3),
            Map.entry("ComplaintAccepted", 4), Map.entry("ComplaintRejected", 4), Map.entry("ComplaintTransferred", 4),
            Map.entry("ComplaintTriaged", 5), Map.entry("CollectiveCaseOpened", 6), Map.entry("ComplaintReclassified", 6),
            Map.entry("ComplaintDispatched", 7), Map.entry("ComplaintReassigned", 8),
            Map.entry("InvestigationRecorded", 9), Map.entry("SolutionProposed", 10),
            Map.entry("SolutionRejected", 11), Map.entry("SolutionAccepted", 11),
            Map.entry("OnSiteArrived", 12), Map.entry("DisagreementRecorded", 12), Map.entry("PreventiveMeasureRecorded", 12),
            Map.entry("ComplaintResolved", 13), Map.entry("RevisitDue", 14), Map.entry("RevisitDone", 15),
            Map.entry("ComplaintReopened", 16), Map.entry("SpecialReportFiled", 17), Map.entry("ComplaintClosed", 18));

    private LifecycleOrder() {
    }

    public static int rank(String type) {
        return RANK.getOrDefault(type, 50);
    }

    public static final Comparator<LedgerEvent> TIMELINE = Comparator
            .comparing(LedgerEvent::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(e -> rank(e.type()))
            .thenComparing(LedgerEvent::eventId);
}
