package com.complaintdesk.followup.application;

import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;

/**
 * Which follow-up cases one staff caller may see (SPEC §7): every department's or only {@code department}'s, and
 * HR's confidential ones (SPEC §3.20) or not. Another department's or a confidential case is answered as unknown.
 */
public record Audience(String department, boolean confidential) {

    /** No case at all: a caller without a staff scope (a department role without a department). */
    static final Audience NOBODY = new Audience("-", false);

    /**
     * The rule every service shares ({@link ComplaintAccess}, README "Who sees what"): the desk, the supervisor, HQ and
     * admins see every department; a handler or department manager only the department in the token (with what it
     * holds). HR's complaints outside a department: callers of an HR department only — ADMIN is not HR.
     */
    public static Audience of(CallerIdentity caller, AccessSettings access) {
        ComplaintAccess.Scope scope = access.scopeOf(caller);
        return scope.allowed() ? new Audience(scope.department(), scope.confidential()) : NOBODY;
    }

    public boolean sees(String caseDepartment, boolean caseConfidential) {
        if (caseConfidential && !confidential) {
            return false;
        }
        return department == null || department.equalsIgnoreCase(String.valueOf(caseDepartment));
    }
}
