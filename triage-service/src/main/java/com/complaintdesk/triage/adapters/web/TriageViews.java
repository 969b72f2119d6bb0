package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.Verdict;

import java.util.List;

/** What the triage API shows of a complaint. */
public final class TriageViews {

    /** What replaces the text of an HR complaint for a reader outside HR. */
    public static final String HR_ONLY = "(workplace or employee complaint: visible to HR only)";

    private TriageViews() {
    }

    /** HR's by its category (as classified or corrected, or as the rules had it) or by who complained. */
    static boolean confidential(TriageCase c, AccessSettings access) {
        String type = c.facts().complainantType() == null ? null : c.facts().complainantType().name();
        return access.isConfidential(c.current() == null ? null : c.current().category(), type)
                || c.automatic() != null && access.isConfidential(c.automatic().category(), null);
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
        /**
         * SPEC §3.20: the text of a workplace or employee complaint is HR's. Outside HR (ADMIN, the supervisor, HQ and
         * the desk included) it is replaced by {@link #HR_ONLY}; the classification stays, so the desk can still decide.
         */
        static ComplaintView of(TriageCaseDocument d, CallerIdentity caller, AccessSettings access) {
            TriageCase c = d.state;
            var f = c.facts();
            boolean hidden = confidential(c, access) && !access.isHr(caller);
            return new ComplaintView(d.number, c.status().name(), String.valueOf(f.channel()), String.valueOf(f.complainantType()),
                    f.subject(), hidden ? HR_ONLY : f.content(), String.valueOf(f.receivedAt()), f.outOfHours(), f.evidenceCount(),
                    ClassificationView.of(c.current()), ClassificationView.of(c.automatic()), c.corrected(), c.acceptance(),
                    c.assignedOfficer(), c.escalatedTo(), c.escalatedBy(), c.collectiveCaseId(), c.resolved(), c.history());
        }
    }
}
