package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.EscalationLevel;

import java.util.Set;

/**
 * Who may act on a complaint in dispatch (SPEC §1, §3.8, §3.20, §7 "a department sees only its own complaints; HR
 * complaints only HR"), decided from the caller's roles as they are — not through {@code CallerIdentity.hasRole},
 * which lets ADMIN pass every role check.
 * <p>Who may <em>see</em> a complaint is not decided here: it is the one read rule every service applies (README "Who
 * sees what", the kit's {@code ComplaintAccess}), which the application layer hands in with the {@link Caller} as its
 * {@link ReadScope}. This class adds dispatch's own rules for acting:
 * <ul>
 *   <li>HANDLER and DEPARTMENT_MANAGER work in their own department only; a handler only on the complaints assigned
 *   to them. Acting on another department's complaint is refused with the current state (409, issue 4).</li>
 *   <li>SUPERVISOR (服务主任) and HQ_ANALYST act across departments: they supervise, take escalations and
 *   re-evaluate appeals. TRIAGE_OFFICER only reads.</li>
 *   <li>ADMIN administers the organisation (departments, handlers, rosters, routing, webhooks, workload repair). It is
 *   not a department (SPEC §1 has no such user of complaints): on complaints it only reads, and it never
 *   investigates, proposes, resolves, reassigns or transfers. A person who is also a manager acts through that role,
 *   in their own department.</li>
 *   <li>Nobody acts on a confidential complaint they may not see: to them it is 404, whatever work they ask for.</li>
 * </ul>
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** The kind of thing a caller wants to do with a complaint. */
    public enum Work {
        READ(Roles.HANDLER, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR, Roles.HQ_ANALYST, Roles.TRIAGE_OFFICER, Roles.ADMIN),
        /** investigation, solution, on-site arrival, resolution, preventive measures */
        HANDLING(Roles.HANDLER, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR, Roles.HQ_ANALYST),
        /** the service supervisor's on-site handling of a major or vicious complaint and the manager's consultation */
        SUPERVISION(Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER),
        /** reassignment and transfer */
        MANAGEMENT(Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR);

        private final Set<String> roles;

        Work(String... roles) {
            this.roles = Set.of(roles);
        }

        public Set<String> roles() {
            return roles;
        }
    }

    /** The answer; {@link Outcome#ALLOWED} or the reason it is refused. */
    public enum Outcome {
        ALLOWED,
        /** 403: the caller has no role for this work, or is a handler and the complaint is someone else's */
        NOT_YOUR_ROLE,
        /** 404: reading a complaint the read rule hides from the caller, or acting on a confidential one it hides */
        INVISIBLE,
        /** 409 with the current state: acting on a (non-confidential) complaint of another department (issue 4) */
        OTHER_DEPARTMENT,
        /** 403: a handler acting on a complaint of their department that is assigned to someone else */
        NOT_ASSIGNED_TO_YOU
    }

    /**
     * Which complaints a caller may see, as the shared read rule decides it: a complaint of {@code department} (null:
     * not dispatched yet), confidential or not.
     */
    @FunctionalInterface
    public interface ReadScope {
        ReadScope NOTHING = (department, confidential) -> false;

        boolean permits(String department, boolean confidential);
    }

    /** The caller as dispatch needs them; {@code reads} comes from the shared read rule (null: reads nothing). */
    public record Caller(String userId, Set<String> roles, String department, ReadScope reads) {
        public Caller {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            reads = reads == null ? ReadScope.NOTHING : reads;
        }

        boolean has(String role) {
            return roles.contains(role);
        }

        boolean inDepartment(String department) {
            return this.department != null && this.department.equals(department);
        }
    }

    public static Outcome decide(Caller caller, Work work, String department, String handler, boolean confidential) {
        if (caller.roles().stream().noneMatch(work.roles()::contains)) {
            return Outcome.NOT_YOUR_ROLE;
        }
        boolean visible = caller.reads().permits(department, confidential);
        if (work == Work.READ) {
            return visible ? Outcome.ALLOWED : Outcome.INVISIBLE;
        }
        if (confidential && !visible) {
            // not even a 409: that would tell them it exists
            return Outcome.INVISIBLE;
        }
        if (actsAcrossDepartments(caller, work)) {
            return Outcome.ALLOWED;
        }
        if (!caller.inDepartment(department)) {
            return Outcome.OTHER_DEPARTMENT;
        }
        if (caller.has(Roles.DEPARTMENT_MANAGER)) {
            return Outcome.ALLOWED;
        }
        // only a HANDLER is left: handling work on their own complaints
        return work == Work.HANDLING && caller.userId() != null && caller.userId().equals(handler)
                ? Outcome.ALLOWED : Outcome.NOT_ASSIGNED_TO_YOU;
    }

    private static boolean actsAcrossDepartments(Caller caller, Work work) {
        return switch (work) {
            case READ -> false; // decided by the read rule, before
            case HANDLING -> caller.has(Roles.SUPERVISOR) || caller.has(Roles.HQ_ANALYST);
            case SUPERVISION, MANAGEMENT -> caller.has(Roles.SUPERVISOR);
        };
    }

    /** The caller's place on the appeal ladder (SPEC §3.11); ADMIN is not on it. */
    public static EscalationLevel levelOf(Caller caller) {
        if (caller.has(Roles.HQ_ANALYST)) {
            return EscalationLevel.HQ;
        }
        if (caller.has(Roles.DEPARTMENT_MANAGER)) {
            return EscalationLevel.DEPARTMENT_MANAGER;
        }
        if (caller.has(Roles.SUPERVISOR)) {
            return EscalationLevel.SERVICE_SUPERVISOR;
        }
        return EscalationLevel.HANDLER;
    }
}
