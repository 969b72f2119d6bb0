package com.complaintdesk.reporting.statistics.domain;

import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.ledger.domain.TimelineItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which facts one ledger entry contributes to the statistics (definitions in {@link Metric}). A pure function of
 * the entry, so the counters can always be re-derived from the ledger.
 */
public final class FactExtractor {

    private final ZoneId zone;

    public FactExtractor(ZoneId zone) {
        this.zone = zone;
    }

    public List<Fact> facts(LedgerEntry e) {
        List<Fact> out = new ArrayList<>();
        Set<String> once = new HashSet<>();
        Set<String> cases = new HashSet<>();
        // statistics are read outside HR: an HR complaint's cause is counted, its words are not shown (SPEC §3.20)
        String cause = e.cause() == null || e.cause().isBlank() ? null
                : e.confidential() ? Dimension.CONFIDENTIAL : e.cause().strip();
        for (TimelineItem t : e.timeline()) {
            Instant at = t.occurredAt();
            if (at == null) {
                continue;
            }
            Map<String, Object> p = t.payload();
            switch (t.type()) {
                case "ComplaintReceived" -> first(out, once, e, Metric.RECEIVED.key(), e.receivedAt() != null ? e.receivedAt() : at, null);
                case "ComplaintAccepted" -> first(out, once, e, Metric.ACCEPTED.key(), at, null);
                case "ComplaintRejected" -> first(out, once, e, Metric.REJECTED.key(), at, null);
                case "ComplaintTransferred" -> first(out, once, e, Metric.TRANSFERRED.key(), at, null);
                case "AwaitingDocuments" -> first(out, once, e, Metric.AWAITING_DOCUMENTS.key(), at, null);
                case "ComplaintDispatched" -> first(out, once, e, Metric.DISPATCHED.key(), at, null);
                case "ComplaintResolved" -> {
                    if (first(out, once, e, Metric.RESOLVED.key(), at, null) && !Boolean.FALSE.equals(e.resolvedOnTime())) {
                        out.add(fact(e, Metric.RESOLVED_ON_TIME.key(), at, null));
                    }
                }
                case "RevisitDone" -> {
                    if (first(out, once, e, Metric.REVISITED.key(), at, null)) {
                        if (!Boolean.FALSE.equals(p.get("onTime"))) {
                            out.add(fact(e, Metric.REVISITED_ON_TIME.key(), at, null));
                        }
                        // events from before "reached" existed were all answered revisits
                        if (!Boolean.FALSE.equals(p.get("reached"))) {
                            out.add(fact(e, Metric.REVISIT_REACHED.key(), at, null));
                        }
                        if (Boolean.TRUE.equals(p.get("satisfied"))) {
                            out.add(fact(e, Metric.SATISFIED.key(), at, null));
                        }
                    }
                }
                case "DepartmentTransferred" -> out.add(fact(e, Metric.DEPARTMENT_TRANSFERS.key(), at, null));
                case "ComplaintReopened" -> out.add(fact(e, Metric.REOPENED.key(), at, null));
                case "ComplaintClosed" -> first(out, once, e, Metric.CLOSED.key(), at, null);
                case "SolutionRejected" -> out.add(fact(e, Metric.APPEALS.key(), at, null));
                case "ComplaintUrged" -> out.add(fact(e, Metric.URGES.key(), at, null));
                case "SlaBreached" -> {
                    out.add(fact(e, Metric.SLA_BREACHES.key(), at, null));
                    out.add(fact(e, Metric.byLevel(Metric.SLA_BREACHES, text(p, "level")), at, null));
                    out.add(fact(e, Metric.byClock(Metric.SLA_BREACHES, text(p, "clock")), at, null));
                }
                case "SlaEscalated" -> {
                    out.add(fact(e, Metric.ESCALATIONS.key(), at, null));
                    out.add(fact(e, Metric.byLevel(Metric.ESCALATIONS, text(p, "level")), at, null));
                }
                case "CollectiveCaseOpened" -> {
                    String caseId = text(p, "caseId");
                    if (caseId == null || cases.add(caseId)) {
                        out.add(fact(e, Metric.COLLECTIVE_CASES.key(), at, null));
                    }
                }
                case "InvestigationRecorded" -> first(out, once, e, Metric.INVESTIGATED.key(), at, cause == null ? Dimension.UNKNOWN : cause);
                case "PreventiveMeasureRecorded" -> out.add(fact(e, Metric.PREVENTIVE_MEASURES.key(), at, null));
                default -> {
                }
            }
        }
        return out;
    }

    private boolean first(List<Fact> out, Set<String> once, LedgerEntry e, String metric, Instant at, String cause) {
        if (!once.add(metric)) {
            return false;
        }
        out.add(fact(e, metric, at, cause));
        return true;
    }

    private Fact fact(LedgerEntry e, String metric, Instant at, String cause) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return new Fact(metric, day, orUnknown(e.category()), orUnknown(e.channel()), orUnknown(e.department()),
                orUnknown(e.severity()), orUnknown(e.complainantType()), cause);
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? Dimension.UNKNOWN : s;
    }

    private static String text(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null ? null : String.valueOf(v);
    }
}
