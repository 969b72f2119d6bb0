package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.Verdict;

import java.util.List;

/** What the triage API shows of a complaint. */
public final class TriageViews {

    private TriageViews() {
    }

    public record ClassificationView(String category, String severity, String liability, List<Flag> flags,
                                     List<String> reasons, long ruleVersion) {
        static ClassificationView of(Verdict v) {
            return v == null ? null : new ClassificationView(v.category(), v.severity().name(), v.liability().name(),
                    v.flags().stream().sorted().toList(), v.reasons(), v.ruleVersion());
        }
    }

    public record ComplaintView(String complaintNumber, String status, String channel, String complainantType,
                                String subject, String content, String receivedAt, boolean outOfHours, int evidenceCount,
                                ClassificationView classification, ClassificationView byRules, boolean corrected,
                                TriageCase.AcceptanceRecord acceptance, String assignedOfficer, String escalatedTo, String escalatedBy,
                                String collectiveCaseId, boolean resolved, List<TriageCase.HistoryEntry> history) {
        /** SPEC §3.20: the text of a workplace complaint is shown to HR only. */
        static ComplaintView of(TriageCaseDocument d, com.complaintdesk.kit.web.CallerIdentity caller) {
            TriageCase c = d.state;
            var f = c.facts();
            boolean confidential = c.current() != null && "WORKPLACE".equals(c.current().category())
                    && !"HR".equalsIgnoreCase(caller.department()) && !caller.hasRole(com.complaintdesk.contracts.http.Roles.ADMIN);
            return new ComplaintView(d.number, c.status().name(), String.valueOf(f.channel()), String.valueOf(f.complainantType()),
                    f.subject(), confidential ? "(workplace complaint: visible to HR only)" : f.content(), String.valueOf(f.receivedAt()), f.outOfHours(), f.evidenceCount(),
                    ClassificationView.of(c.current()), ClassificationView.of(c.automatic()), c.corrected(), c.acceptance(),
                    c.assignedOfficer(), c.escalatedTo(), c.escalatedBy(), c.collectiveCaseId(), c.resolved(), c.history());
        }
    }
}
