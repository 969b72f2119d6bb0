package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.EscalationLevel;

import java.util.Set;

/**
 * Who may see and act on a complaint in dispatch (SPEC §1, §3.8, §3.20, §7 "a department sees only its own
 * complaints; HR complaints only HR"). Decided here, in one place, from the caller's roles as they are — not through
 * {@code CallerIdentity.hasRole}, which lets ADMIN pass every role check.
 * <ul>
 *   <li>HANDLER and DEPARTMENT_MANAGER work in their own department only; a handler only on the complaints assigned
 *   to them.</li>
 *   <li>SUPERVISOR (服务主任) and HQ_ANALYST (HQ 运营部) act across departments: they supervise, take escalations and
 *   re-evaluate appeals. TRIAGE_OFFICER reads across departments.</li>
 *   <li>ADMIN administers the organisation (departments, handlers, rosters, routing, webhooks, workload repair). It is
 *   not a department (SPEC §1 has no such user of complaints): on complaints it only reads, and it never
 *   investigates, proposes, resolves, reassigns or transfers. A person who is also a manager acts through that role,
 *   in their own department.</li>
 *   <li>A confidential complaint (HR, workplace, employee) exists only for the staff of the department that holds it,
 *   whatever their other roles, ADMIN included: it is 404 to everyone else.</li>
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
        /** 404: a confidential complaint outside the caller's department, or reading another department's complaint */
        INVISIBLE,
        /** 409 with the current state: acting on a (non-confidential) complaint of another department (issue 4) */
        OTHER_DEPARTMENT,
        /** 403: a handler acting on a complaint of their department that is assigned to someone else */
        NOT_ASSIGNED_TO_YOU
    }

    public record Caller(String userId, Set<String> roles, String department) {
        public Caller {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
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
        if (confidential && !caller.inDepartment(department)) {
            return Outcome.INVISIBLE;
        }
        if (work == Work.READ) {
            return mayRead(caller, department, confidential) ? Outcome.ALLOWED : Outcome.INVISIBLE;
        }
        if (acrossDepartments(caller, work)) {
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

    /** Whether the caller may see the complaint at all (lists filter on this too). */
    public static boolean mayRead(Caller caller, String department, boolean confidential) {
        if (caller.roles().stream().noneMatch(Work.READ.roles()::contains)) {
            return false;
        }
        if (confidential) {
            return caller.inDepartment(department);
        }
        return readsAcrossDepartments(caller) || caller.inDepartment(department);
    }

    /** Roles that see every department's (non-confidential) complaints. */
    public static boolean readsAcrossDepartments(Caller caller) {
        // a triage officer reads the whole desk's work, unless they are also staff of one department
        return caller.has(Roles.SUPERVISOR) || caller.has(Roles.HQ_ANALYST) || caller.has(Roles.ADMIN)
                || caller.has(Roles.TRIAGE_OFFICER) && !caller.has(Roles.HANDLER) && !caller.has(Roles.DEPARTMENT_MANAGER);
    }

    private static boolean acrossDepartments(Caller caller, Work work) {
        return switch (work) {
            case READ -> readsAcrossDepartments(caller);
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
