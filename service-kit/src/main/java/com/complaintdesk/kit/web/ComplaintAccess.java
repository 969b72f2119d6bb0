package com.complaintdesk.kit.web;

import com.complaintdesk.contracts.http.Roles;

import java.util.Set;

/**
 * Which complaints one staff caller may read: the one rule every service applies (SPEC §1, §3.8, §3.20, §7 "a
 * department sees only its own complaints; HR complaints only HR"). The table for newcomers is the README's
 * "Who sees what"; dispatch's {@code CaseAccess} is the same rule for its complaints and also decides who may act.
 * <ul>
 *   <li>SUPERVISOR, HQ_ANALYST, ADMIN and TRIAGE_OFFICER read every department's complaints. A triage officer who is
 *   also a HANDLER or DEPARTMENT_MANAGER reads as the latter, in their own department.</li>
 *   <li>HANDLER and DEPARTMENT_MANAGER read only the complaints of the department in their token, all of them: a
 *   confidential complaint their department holds included. A caller who also reads across departments (e.g. a
 *   manager who is ADMIN too) keeps that: every department's complaints plus their own department's confidential
 *   ones.</li>
 *   <li>A confidential complaint (workplace or employee: HR's, SPEC §3.20) is read across departments only by
 *   callers whose department is an HR department. ADMIN, SUPERVISOR, HQ_ANALYST and the desk are not HR: to them it
 *   does not exist (404, left out of lists, reports and exports).</li>
 * </ul>
 * Decided from the roles as the gateway passed them, not through {@link CallerIdentity#hasRole}, which lets ADMIN
 * pass every role check: ADMIN administers, it is not HR. Counts in statistics are not complaints: they include
 * confidential complaints for every reader of statistics, without their numbers or text.
 */
public final class ComplaintAccess {

    private ComplaintAccess() {
    }

    /**
     * What one caller may read: every department ({@code department == null}) or that one, and confidential
     * complaints or not; {@code confidentialOf}, when set, is a department whose confidential complaints the caller
     * reads even though {@code confidential} is false (their own, where they hold a department role).
     */
    public record Scope(boolean allowed, String department, boolean confidential, String confidentialOf) {

        /** No complaint at all (not staff, or a department role without a department). */
        public static final Scope NONE = new Scope(false, null, false, null);
        /** Every complaint: for work done for everyone (a report produced once, then cut to each reader's scope). */
        public static final Scope EVERYTHING = new Scope(true, null, true, null);

        public Scope(boolean allowed, String department, boolean confidential) {
            this(allowed, department, confidential, null);
        }

        /** Whether a complaint of {@code complaintDepartment} (null: not dispatched yet) is visible in this scope. */
        public boolean permits(String complaintDepartment, boolean complaintConfidential) {
            if (!allowed) {
                return false;
            }
            if (complaintConfidential && !confidential
                    && (confidentialOf == null || !confidentialOf.equals(complaintDepartment))) {
                return false;
            }
            return department == null || department.equals(complaintDepartment);
        }

        /** True when nothing is hidden: no need to look anything up to filter. */
        public boolean unrestricted() {
            return allowed && department == null && confidential;
        }
    }

    public static Scope scopeOf(CallerIdentity caller, Set<String> hrDepartments) {
        return scopeOf(caller.roles(), caller.department(), hrDepartments);
    }

    public static Scope scopeOf(Set<String> roles, String department, Set<String> hrDepartments) {
        boolean departmentRole = roles.contains(Roles.HANDLER) || roles.contains(Roles.DEPARTMENT_MANAGER);
        if (readsAcrossDepartments(roles)) {
            boolean hr = isHr(department, hrDepartments);
            return new Scope(true, null, hr, departmentRole && !hr ? department : null);
        }
        if (departmentRole && department != null) {
            // their own department's complaints, whatever it holds: it works on them (SPEC §3.20: HR's are HR's)
            return new Scope(true, department, true);
        }
        return Scope.NONE;
    }

    /** The roles that read every department's complaints (confidential ones only as HR). */
    public static boolean readsAcrossDepartments(Set<String> roles) {
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.HQ_ANALYST) || roles.contains(Roles.ADMIN)
                || roles.contains(Roles.TRIAGE_OFFICER) && !roles.contains(Roles.HANDLER)
                && !roles.contains(Roles.DEPARTMENT_MANAGER);
    }

    /** HR staff: the caller's department is one of the HR departments, whatever their roles. */
    public static boolean isHr(String department, Set<String> hrDepartments) {
        return department != null && hrDepartments.contains(department);
    }
}
