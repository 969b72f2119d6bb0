package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The target of one clock for the complaints it applies to (SPEC §4, "all configurable per severity / complainant
 * type"). Empty {@code severities}, {@code complainantTypes} or {@code categories} match any; among matching
 * policies of a clock the most specific wins.
 *
 * @param warnAtPercent           SlaWarning when this share of the time has gone (default 80)
 * @param honourRequestedDeadline the complainant's requested deadline replaces the target (SPEC §4 GENERAL resolved)
 * @param upgradeToMajorOnBreach  SPEC §3.5: a LIABLE complaint unresolved after a month becomes MAJOR
 */
public record SlaPolicy(
        String id,
        String clock,
        Set<Severity> severities,
        Set<ComplainantType> complainantTypes,
        Set<String> categories,
        TargetKind kind,
        Duration target,
        Integer workingDays,
        Integer warnAtPercent,
        Boolean honourRequestedDeadline,
        Boolean upgradeToMajorOnBreach,
        List<EscalationStep> ladder,
        String description) {

    public SlaPolicy {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        complainantTypes = complainantTypes == null ? Set.of() : Set.copyOf(complainantTypes);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        ladder = ladder == null ? List.of() : List.copyOf(ladder);
        target = target == null ? Duration.ZERO : target;
        workingDays = workingDays == null ? 0 : workingDays;
        warnAtPercent = warnAtPercent == null || warnAtPercent == 0 ? DEFAULT_WARN_AT_PERCENT : warnAtPercent;
        honourRequestedDeadline = Boolean.TRUE.equals(honourRequestedDeadline);
        upgradeToMajorOnBreach = Boolean.TRUE.equals(upgradeToMajorOnBreach);
    }

    /** SPEC §4: warn before breach, by default at 80 % of the time. */
    public static final int DEFAULT_WARN_AT_PERCENT = 80;

    /** What is wrong with this policy, field by field; empty when it is usable. */
    public List<String[]> problems() {
        List<String[]> p = new ArrayList<>();
        if (id == null || id.isBlank()) {
            p.add(new String[]{"id", "must not be blank"});
        }
        if (clock == null || clock.isBlank()) {
            p.add(new String[]{"clock", "must not be blank"});
        }
        if (kind == null) {
            p.add(new String[]{"kind", "must be one of CALENDAR_TIME, BUSINESS_TIME, SAME_BUSINESS_DAY, WORKING_DAYS"});
        } else if ((kind == TargetKind.CALENDAR_TIME || kind == TargetKind.BUSINESS_TIME)
                && (target.isZero() || target.isNegative())) {
            p.add(new String[]{"target", "must be a positive duration for " + kind});
        } else if (kind == TargetKind.WORKING_DAYS && (workingDays < 1 || workingDays > 366)) {
            p.add(new String[]{"workingDays", "must be between 1 and 366"});
        }
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            p.add(new String[]{"warnAtPercent", "must be between 1 and 99"});
        }
        if (ladder.isEmpty()) {
            p.add(new String[]{"ladder", "needs at least one escalation step"});
        }
        return p;
    }

    public boolean matches(ComplaintFacts facts) {
        return (severities.isEmpty() || (facts.severity() != null && severities.contains(facts.severity())))
                && (complainantTypes.isEmpty() || (facts.complainantType() != null && complainantTypes.contains(facts.complainantType())))
                && (categories.isEmpty() || (facts.category() != null && categories.contains(facts.category())));
    }

    int specificity() {
        return (severities.isEmpty() ? 0 : 1) + (complainantTypes.isEmpty() ? 0 : 1) + (categories.isEmpty() ? 0 : 1);
    }
}
