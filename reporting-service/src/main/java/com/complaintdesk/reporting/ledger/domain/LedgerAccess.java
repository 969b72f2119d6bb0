package com.complaintdesk.reporting.ledger.domain;

import java.util.Set;

/**
 * Who may read which ledger entries (SPEC §7 Security, §3.8, §3.20). Plain data about the caller, decided here so
 * the single-entry read, the list, the exports and the overdue report all apply the same rule.
 *
 * @param globalRoles      roles that see every department (supervisor, HQ analyst, admin, the triage desk)
 * @param departmentRoles  roles that see only their own department's complaints (handler, department manager)
 * @param hrDepartments    departments whose staff may read confidential (workplace / employee) complaints
 * @param hrOverrideRoles  roles that read confidential complaints whatever their department
 */
public record LedgerAccess(Set<String> globalRoles, Set<String> departmentRoles, Set<String> hrDepartments,
                           Set<String> hrOverrideRoles) {

    /** What one caller may see: every department or one, and confidential entries or not. */
    public record Scope(boolean allowed, String department, boolean confidential) {
        public static final Scope NONE = new Scope(false, null, false);

        public boolean permits(LedgerEntry entry) {
            return permits(entry.department(), entry.confidential());
        }

        /** The same rule for a row that only carries the complaint's department and confidentiality. */
        public boolean permits(String entryDepartment, boolean entryConfidential) {
            if (!allowed) {
                return false;
            }
            if (entryConfidential && !confidential) {
                return false;
            }
            return department == null || department.equals(entryDepartment);
        }
    }

    public Scope scopeOf(Set<String> roles, String callerDepartment) {
        boolean hr = callerDepartment != null && hrDepartments.contains(callerDepartment)
                || roles.stream().anyMatch(hrOverrideRoles::contains);
        if (roles.stream().anyMatch(globalRoles::contains)) {
            return new Scope(true, null, hr);
        }
        if (roles.stream().anyMatch(departmentRoles::contains) && callerDepartment != null) {
            return new Scope(true, callerDepartment, hr);
        }
        return Scope.NONE;
    }
}
