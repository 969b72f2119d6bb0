package com.complaintdesk.followup.application;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.kit.web.CallerIdentity;

/**
 * Which follow-up cases one staff caller may see (SPEC §7): every department's or only {@code department}'s, and
 * HR's confidential ones (SPEC §3.20) or not. Another department's or a confidential case is answered as unknown.
 */
public record Audience(String department, boolean confidential) {

    /**
     * The desk, the supervisor, HQ and admins see every department; a department manager only the department in
     * the token (none, if the token names no department). HR's complaints: HR departments and the override roles.
     */
    public static Audience of(CallerIdentity caller, FollowupProperties.Access access) {
        String department;
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.TRIAGE_OFFICER, Roles.HQ_ANALYST)) {
            department = null;
        } else {
            department = caller.department() == null ? "-" : caller.department();
        }
        boolean hr = caller.department() != null && access.hrDepartments().contains(caller.department())
                || access.hrOverrideRoles().stream().anyMatch(caller::hasRole);
        return new Audience(department, hr);
    }

    public boolean sees(String caseDepartment, boolean caseConfidential) {
        if (caseConfidential && !confidential) {
            return false;
        }
        return department == null || department.equalsIgnoreCase(String.valueOf(caseDepartment));
    }
}
