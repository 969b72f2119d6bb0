package com.complaintdesk.followup.application;

import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;

/**
 * Which follow-up cases one staff caller may see (SPEC §7): the rule every service shares ({@link ComplaintAccess},
 * README "Who sees what") — the desk, the supervisor, HQ and admins see every department; a handler or department
 * manager only the department in the token (with what it holds); HR's complaints only HR staff (ADMIN is not HR).
 * Another department's or a confidential case is answered as unknown.
 */
public record Audience(ComplaintAccess.Scope scope) {

    /** No case at all: a caller without a staff scope (a department role without a department). */
    static final Audience NOBODY = new Audience(ComplaintAccess.Scope.NONE);

    public static Audience of(CallerIdentity caller, AccessSettings access) {
        return new Audience(access.scopeOf(caller));
    }

    public boolean seesAny() {
        return scope.allowed();
    }

    public boolean sees(String caseDepartment, boolean caseConfidential) {
        return scope.permits(caseDepartment, caseConfidential);
    }
}
