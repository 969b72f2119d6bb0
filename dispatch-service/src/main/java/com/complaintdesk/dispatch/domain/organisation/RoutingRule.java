package com.complaintdesk.dispatch.domain.organisation;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;

/**
 * One line of the routing table (data, SPEC §3.8 "by category and complexity"). A null matcher matches anything;
 * the first matching rule by ascending {@code priority} decides the department and the skill needed.
 */
public record RoutingRule(int priority, String category, ComplainantType complainantType, Severity minSeverity,
                          String department, String skill, boolean confidential) {

    public boolean matches(String category, ComplainantType type, Severity severity) {
        return (this.category == null || this.category.equalsIgnoreCase(category))
                && (complainantType == null || complainantType == type)
                && (minSeverity == null || (severity != null && severity.atLeast(minSeverity)));
    }
}
