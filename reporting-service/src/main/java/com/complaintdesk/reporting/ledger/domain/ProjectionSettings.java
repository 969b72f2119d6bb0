package com.complaintdesk.reporting.ledger.domain;

import java.time.ZoneId;
import java.util.Set;

/**
 * The data the projection needs that is policy, not code.
 *
 * @param resolutionClocks       clocks whose deadline decides whether a resolution was on time (SPEC §5 timeliness)
 * @param postResolutionClocks   clocks that run after resolution (the revisit, SPEC §3.14)
 * @param confidentialCategories categories visible only to HR roles (SPEC §3.8, §3.20)
 * @param confidentialDepartments departments whose complaints are visible only to themselves (HR)
 * @param confidentialComplainantTypes complainant types whose complaints are HR-only (employee complaints)
 * @param zone                   the zone that decides which day or month an event counts in
 */
public record ProjectionSettings(Set<String> resolutionClocks, Set<String> postResolutionClocks,
                                 Set<String> confidentialCategories, Set<String> confidentialDepartments,
                                 Set<String> confidentialComplainantTypes, ZoneId zone) {

    public static ProjectionSettings defaults() {
        return new ProjectionSettings(Set.of("RESOLUTION"), Set.of("REVISIT"), Set.of("WORKPLACE"), Set.of("HR"),
                Set.of("EMPLOYEE"), ZoneId.of("Asia/Shanghai"));
    }
}
