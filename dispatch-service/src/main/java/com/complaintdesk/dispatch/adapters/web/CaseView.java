package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HistoryEntry;
import com.complaintdesk.dispatch.domain.handling.Investigation;
import com.complaintdesk.dispatch.domain.handling.Resolution;
import com.complaintdesk.dispatch.domain.handling.Solution;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A complaint as its department sees it. No complainant contact data: dispatch does not keep any. */
public record CaseView(String complaintNumber, String status, String department, String handler, String supervisor,
                       String category, Severity severity, Liability liability, Set<Flag> flags, boolean noInterviews,
                       boolean confidential, String complainantType, String content, String subject,
                       Investigation investigation, Solution solution, EscalationLevel appealLevel, int appealCount,
                       Instant onSiteArrivedAt, Instant disagreementAt, Instant managerConsultedAt, Resolution resolution,
                       List<String> preventiveMeasures, int reopenCount, int dispatchCount,
                       Instant dispatchedAt, Instant updatedAt, List<HistoryEntry> history) {

    public static CaseView of(HandlingCase c) {
        return new CaseView(c.number(), c.status() == null ? null : c.status().name(), c.department(), c.handler(),
                c.supervisor(), c.category(), c.severity(), c.liability(), c.flags(), c.noInterviews(), c.confidential(),
                c.complainantType() == null ? null : c.complainantType().name(), c.content(), c.subject(),
                c.investigation(), c.solution(), c.appealLevel(), c.appealCount(), c.onSiteArrivedAt(),
                c.disagreementAt(), c.managerConsultedAt(), c.resolution(), c.preventiveMeasures(), c.reopenCount(),
                c.dispatchCount(), c.dispatchedAt(), c.updatedAt(), c.history());
    }

    /** The short form of lists. */
    public record Summary(String complaintNumber, String status, String department, String handler, String category,
                          Severity severity, boolean noInterviews, Instant updatedAt) {
        public static Summary of(HandlingCase c) {
            return new Summary(c.number(), c.status() == null ? null : c.status().name(), c.department(), c.handler(),
                    c.category(), c.severity(), c.noInterviews(), c.updatedAt());
        }
    }
}
