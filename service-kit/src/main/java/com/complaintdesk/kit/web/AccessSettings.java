package com.complaintdesk.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Set;

/**
 * The data behind {@link ComplaintAccess} that a desk may name differently (e.g.
 * {@code KIT_ACCESS_HRDEPARTMENTS=HR,HR_SHARED}): which departments are HR, and which complaints are HR's before
 * dispatch says so (SPEC §3.8 workplace, §3.20 employee complaints). A bean in every service.
 */
@ConfigurationProperties("kit.access")
public record AccessSettings(
        @DefaultValue("HR") Set<String> hrDepartments,
        @DefaultValue("WORKPLACE") Set<String> confidentialCategories,
        @DefaultValue("EMPLOYEE") Set<String> confidentialComplainantTypes) {

    public static final AccessSettings DEFAULTS = new AccessSettings(Set.of("HR"), Set.of("WORKPLACE"), Set.of("EMPLOYEE"));

    public AccessSettings {
        hrDepartments = hrDepartments == null ? Set.of() : Set.copyOf(hrDepartments);
        confidentialCategories = confidentialCategories == null ? Set.of() : Set.copyOf(confidentialCategories);
        confidentialComplainantTypes = confidentialComplainantTypes == null ? Set.of() : Set.copyOf(confidentialComplainantTypes);
    }

    public ComplaintAccess.Scope scopeOf(CallerIdentity caller) {
        return ComplaintAccess.scopeOf(caller, hrDepartments);
    }

    /** HR staff (any role) — who may read a confidential complaint where its department is not known. */
    public boolean isHr(CallerIdentity caller) {
        return ComplaintAccess.isHr(caller.department(), hrDepartments);
    }

    /** A complaint that is HR's by what it is about or who made it (dispatch may also mark one confidential). */
    public boolean isConfidential(String category, String complainantType) {
        return category != null && confidentialCategories.contains(category)
                || complainantType != null && confidentialComplainantTypes.contains(complainantType);
    }
}
