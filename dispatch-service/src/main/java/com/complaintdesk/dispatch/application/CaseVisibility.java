package com.complaintdesk.dispatch.application;

import com.complaintdesk.dispatch.domain.handling.CaseAccess;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Which of dispatch's complaints a caller sees: the one read rule of every service (the kit's {@link ComplaintAccess},
 * README "Who sees what") with the HR departments of {@code kit.access.hr-departments}. It lives here, not in the
 * domain, because the domain stays free of the kit; {@link CaseAccess} gets it with the caller and adds only who may
 * act.
 */
@Component
public class CaseVisibility {

    private final Set<String> hrDepartments;

    public CaseVisibility(AccessSettings settings) {
        this.hrDepartments = settings.hrDepartments();
    }

    public ComplaintAccess.Scope scopeOf(CallerIdentity caller) {
        return ComplaintAccess.scopeOf(caller, hrDepartments);
    }

    public boolean isHrDepartment(String department) {
        return ComplaintAccess.isHr(department, hrDepartments);
    }

    public CaseAccess.Caller caller(CallerIdentity caller) {
        return caller(caller.userId(), caller.roles(), caller.department());
    }

    public CaseAccess.Caller caller(String userId, Set<String> roles, String department) {
        Set<String> held = roles == null ? Set.of() : roles;
        return new CaseAccess.Caller(userId, held, department,
                ComplaintAccess.scopeOf(held, department, hrDepartments)::permits);
    }
}
