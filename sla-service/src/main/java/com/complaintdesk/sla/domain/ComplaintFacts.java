package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What sla-service knows of a complaint from the life-cycle events, as far as the policies need it.
 * {@code clockStartsAt} is when its clocks may start at the earliest (SPEC §3.2: the next business period for an
 * out-of-hours complaint).
 */
public record ComplaintFacts(
        Instant receivedAt,
        Instant clockStartsAt,
        boolean outOfHours,
        ComplainantType complainantType,
        LocalDate requestedDeadline,
        String category,
        Severity severity,
        Liability liability,
        Set<Flag> flags) {

    public ComplaintFacts {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public static ComplaintFacts unknown() {
        return new ComplaintFacts(null, null, false, null, null, null, null, null, Set.of());
    }

    public ComplaintFacts received(Instant at, Instant clockStart, boolean outOfHours, ComplainantType type, LocalDate requested) {
        return new ComplaintFacts(at, clockStart == null ? at : clockStart, outOfHours, type, requested, category,
                severity, liability, flags);
    }

    public ComplaintFacts classified(String category, Severity severity, Liability liability, Set<Flag> flags) {
        return new ComplaintFacts(receivedAt, clockStartsAt, outOfHours, complainantType, requestedDeadline,
                category != null ? category : this.category, severity != null ? severity : this.severity,
                liability != null ? liability : this.liability, flags != null ? flags : this.flags);
    }

    /** The earliest start of a clock caused at {@code at}. */
    public Instant clockStart(Instant at) {
        return clockStartsAt != null && at.isBefore(clockStartsAt) ? clockStartsAt : at;
    }
}
