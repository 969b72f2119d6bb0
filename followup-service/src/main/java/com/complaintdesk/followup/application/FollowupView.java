package com.complaintdesk.followup.application;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.followup.domain.FollowupCase;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.Revisit;
import com.complaintdesk.followup.domain.RevisitPolicy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What staff see of one complaint's follow-up. No personal data. */
public record FollowupView(
        String complaintId,
        FollowupStatus status,
        ComplainantType complainantType,
        Severity severity,
        Set<Flag> flags,
        String department,
        String handler,
        Revisit revisit,
        int maxAttempts,
        boolean overdue,
        List<Revisit> pastRevisits,
        int reopenCount,
        boolean specialReportRequired,
        String specialReportId,
        String closeReason,
        Instant closedAt,
        boolean confidential) {

    public static FollowupView of(FollowupCase c, RevisitPolicy policy, Instant now) {
        Revisit r = c.revisit();
        boolean overdue = r != null && !r.finished() && now.isAfter(r.dueAt());
        return new FollowupView(c.complaintId(), c.status(), c.complainantType(), c.severity(), c.flags(),
                c.department(), c.handler(), r, policy.maxAttempts(), overdue, c.pastRevisits(), c.reopenCount(),
                c.needsSpecialReport(policy), c.specialReport() == null ? null : c.specialReport().reportId(),
                c.status() == FollowupStatus.CLOSED ? c.closeReason() : null, c.closedAt(), c.confidential());
    }
}
