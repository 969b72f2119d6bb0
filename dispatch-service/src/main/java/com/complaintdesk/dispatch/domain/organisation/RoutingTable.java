package com.complaintdesk.dispatch.domain.organisation;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;

import java.util.Comparator;
import java.util.List;

/** Decides the responsible department of a complaint from its classification (SPEC §3.8). */
public final class RoutingTable {

    /** Where a complaint goes and which skill its handler needs. */
    public record Route(String department, String skill, boolean confidential, String because) {
    }

    private final List<RoutingRule> rules;
    private final String fallbackDepartment;

    public RoutingTable(List<RoutingRule> rules, String fallbackDepartment) {
        this.rules = rules.stream().sorted(Comparator.comparingInt(RoutingRule::priority)).toList();
        this.fallbackDepartment = fallbackDepartment;
    }

    public Route route(String category, ComplainantType complainantType, Severity severity) {
        for (RoutingRule r : rules) {
            if (r.matches(category, complainantType, severity)) {
                return new Route(r.department(), r.skill(), r.confidential(), "routing rule " + r.priority() + ": "
                        + describe(r));
            }
        }
        return new Route(fallbackDepartment, null, false, "no routing rule matched " + category + "; default department");
    }

    private static String describe(RoutingRule r) {
        StringBuilder sb = new StringBuilder();
        if (r.category() != null) {
            sb.append("category ").append(r.category()).append(' ');
        }
        if (r.complainantType() != null) {
            sb.append("complainant ").append(r.complainantType()).append(' ');
        }
        if (r.minSeverity() != null) {
            sb.append("severity >= ").append(r.minSeverity()).append(' ');
        }
        return sb.append("→ ").append(r.department()).toString();
    }

    public List<RoutingRule> rules() {
        return rules;
    }
}
