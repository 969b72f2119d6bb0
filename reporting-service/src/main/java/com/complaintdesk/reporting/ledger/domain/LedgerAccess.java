package com.complaintdesk.reporting.ledger.domain;

import com.complaintdesk.kit.web.ComplaintAccess;

import java.util.Set;

/**
 * Who may read which ledger entries (SPEC §7 Security, §3.8, §3.20): the rule every service shares,
 * {@link ComplaintAccess} (README "Who sees what"), applied here so the single-entry read, the list, the exports, the
 * overdue report and the monthly report's actions all apply the same rule.
 *
 * @param hrDepartments departments whose staff may read confidential (workplace / employee) complaints
 *                      ({@code kit.access.hr-departments})
 */
public record LedgerAccess(Set<String> hrDepartments) {

    /** What one caller may see: the shared rule's scope, applied to ledger entries and report rows. */
    public record Scope(ComplaintAccess.Scope rule) {
        public static final Scope NONE = new Scope(ComplaintAccess.Scope.NONE);
        public static final Scope EVERYTHING = new Scope(ComplaintAccess.Scope.EVERYTHING);

        public boolean allowed() {
            return rule.allowed();
        }

        public boolean permits(LedgerEntry entry) {
            return permits(entry.department(), entry.confidential());
        }

        /** The same rule for a row that only carries the complaint's department and confidentiality. */
        public boolean permits(String entryDepartment, boolean entryConfidential) {
            return rule.permits(entryDepartment, entryConfidential);
        }
    }

    public Scope scopeOf(Set<String> roles, String callerDepartment) {
        ComplaintAccess.Scope s = ComplaintAccess.scopeOf(roles, callerDepartment, hrDepartments);
        return s.allowed() ? new Scope(s) : Scope.NONE;
    }
}
