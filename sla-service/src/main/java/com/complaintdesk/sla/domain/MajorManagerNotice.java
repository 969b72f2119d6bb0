package com.complaintdesk.sla.domain;

import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which {@link StaffNotified} is the notice that ends the MAJOR_TO_MANAGER clock (SPEC §3.5, §4 "MAJOR or COLLECTIVE
 * to department manager … immediately notified"): the MAJOR notice of this complaint to a person in {@code role} of
 * the responsible department. Dispatch tells a manager many other things (nobody on duty, a transfer into the
 * queue, PR about the media, an SLA escalation, the supervisor's consultation); none of those is that notice.
 * <p>
 * The notice is known by its {@code kind}, {@link StaffNotified.Kind#MAJOR_SUPERVISION}. A notice written before
 * {@code kind} existed is known by its {@code reason} text ({@code reasonPattern}, found anywhere in it): dispatch
 * wrote "MAJOR complaint: you supervise it personally.", "Complaint became MAJOR: …" and "MAJOR complaint transferred
 * to you."; the clock's own escalation reads "SLA MAJOR_TO_MANAGER escalated …", which the whole-word default does
 * not match.
 *
 * @param role          the role the notice must go to (DEPARTMENT_MANAGER)
 * @param reasonPattern for a notice without a kind: a regular expression its reason must contain
 */
public record MajorManagerNotice(String role, Pattern reasonPattern) {

    public static final String DEFAULT_ROLE = "DEPARTMENT_MANAGER";
    /** The word MAJOR, as dispatch writes its MAJOR notices today. */
    public static final String DEFAULT_REASON_PATTERN = "(?i)\\bMAJOR\\b";
    public static final MajorManagerNotice DEFAULT = of(DEFAULT_ROLE, DEFAULT_REASON_PATTERN);

    public MajorManagerNotice {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reasonPattern, "reasonPattern");
    }

    public static MajorManagerNotice of(String role, String reasonPattern) {
        return new MajorManagerNotice(role, Pattern.compile(reasonPattern));
    }

    /**
     * True when {@code n} is the MAJOR notice to the manager of {@code complaintDepartment} (null: not known here yet,
     * then the department is not checked). Nobody is reached by a notice without a recipient, and a consultation
     * ({@code consultedBy}) is §3.12's conversation, not this notice.
     */
    public boolean fulfilledBy(StaffNotified n, String complaintDepartment) {
        return role.equals(n.role())
                && n.recipient() != null && !n.recipient().isBlank()
                && n.consultedBy() == null
                && (complaintDepartment == null || complaintDepartment.equals(n.department()))
                && (n.kind() != null ? n.kind() == StaffNotified.Kind.MAJOR_SUPERVISION
                        : n.reason() != null && reasonPattern.matcher(n.reason()).find());
    }
}
