package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 台帐: one complaint with its current state and its full history (SPEC §2, §9). Derived from the events alone by
 * {@link LedgerProjection}; personal data is already masked here.
 */
public record LedgerEntry(
        String complaintNumber,
        String status,
        String acceptance,
        String category,
        String severity,
        String liability,
        List<String> flags,
        String department,
        String handler,
        /* dispatched to the department's queue: nobody on duty had the skill, a handler is assigned later */
        boolean queued,
        String supervisor,
        /* how many times it was dispatched (first time, from the queue, after a transfer, after a reopen) */
        int dispatchCount,
        /* why it was last dispatched: ROUTED, ASSIGNED_FROM_QUEUE, TRANSFERRED, REOPENED (null before the first) */
        String lastDispatchKind,
        /* transfers to another responsible department (DepartmentTransferred) */
        int departmentTransferCount,
        String channel,
        String complainantType,
        ComplainantView complainant,
        String subject,
        String content,
        boolean confidential,
        Instant receivedAt,
        Instant acceptedAt,
        Instant decidedAt,
        Instant dispatchedAt,
        Instant firstResolvedAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant updatedAt,
        Map<String, Deadline> deadlines,
        Instant nextDueAt,
        Boolean resolvedOnTime,
        int urgeCount,
        int appealCount,
        int reopenCount,
        int evidenceCount,
        List<Revisit> revisits,
        List<SlaIncident> slaIncidents,
        String cause,
        String responsibleParty,
        List<String> solutions,
        List<String> preventiveMeasures,
        String collectiveCaseId,
        List<String> collectiveCasesOpened,
        boolean specialReportFiled,
        List<TimelineItem> timeline) {

    /** SPEC §3.17: past a running time limit and not closed. */
    public boolean overdueAt(Instant now) {
        return nextDueAt != null && nextDueAt.isBefore(now);
    }
}
