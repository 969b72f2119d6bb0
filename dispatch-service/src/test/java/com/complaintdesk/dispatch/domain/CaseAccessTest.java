package com.complaintdesk.dispatch.domain;

import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.dispatch.application.CaseVisibility;
import com.complaintdesk.dispatch.domain.handling.CaseAccess;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Caller;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Outcome;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Work;
import com.complaintdesk.kit.web.AccessSettings;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and act on a complaint (SPEC §1, §3.20, §7), ADMIN made explicit. Callers read through the shared read
 * rule with the default HR departments, as the service builds them.
 */
class CaseAccessTest {

    static final CaseVisibility VISIBILITY = new CaseVisibility(AccessSettings.DEFAULTS);

    static Caller caller(String user, String department, String... roles) {
        return VISIBILITY.caller(user, Set.of(roles), department);
    }

    static Outcome decide(Caller c, Work w) {
        return CaseAccess.decide(c, w, "ENGINEERING", "eng-h1", false);
    }

    static Outcome decideConfidential(Caller c, Work w) {
        return CaseAccess.decide(c, w, "HR", "hr-h1", true);
    }

    @Test
    void given_an_admin_when_acting_on_a_complaint_then_they_may_read_it_but_do_no_department_work() {
        Caller admin = caller("root", null, "ADMIN");
        assertThat(decide(admin, Work.READ)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(admin, Work.HANDLING)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(decide(admin, Work.SUPERVISION)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(decide(admin, Work.MANAGEMENT)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(CaseAccess.levelOf(admin)).isEqualTo(EscalationLevel.HANDLER);
    }

    @Test
    void given_an_admin_when_the_complaint_is_confidential_then_it_does_not_exist_for_them() {
        assertThat(decideConfidential(caller("root", null, "ADMIN"), Work.READ)).isEqualTo(Outcome.INVISIBLE);
        assertThat(decideConfidential(caller("root", "ENGINEERING", "ADMIN", "DEPARTMENT_MANAGER"), Work.READ))
                .isEqualTo(Outcome.INVISIBLE);
        assertThat(decideConfidential(caller("hr-admin", "HR", "ADMIN"), Work.READ)).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void given_an_admin_who_is_also_a_manager_then_they_act_as_manager_in_their_own_department_only() {
        Caller adminManager = caller("eng-mgr", "ENGINEERING", "ADMIN", "DEPARTMENT_MANAGER");
        assertThat(decide(adminManager, Work.MANAGEMENT)).isEqualTo(Outcome.ALLOWED);
        assertThat(CaseAccess.decide(adminManager, Work.MANAGEMENT, "FINANCE", "fin-h1", false))
                .isEqualTo(Outcome.OTHER_DEPARTMENT);
    }

    @Test
    void given_department_staff_then_they_work_in_their_own_department_and_a_handler_only_on_their_own_complaints() {
        assertThat(decide(caller("eng-h1", "ENGINEERING", "HANDLER"), Work.HANDLING)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(caller("eng-h2", "ENGINEERING", "HANDLER"), Work.HANDLING)).isEqualTo(Outcome.NOT_ASSIGNED_TO_YOU);
        assertThat(decide(caller("eng-h1", "ENGINEERING", "HANDLER"), Work.MANAGEMENT)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(decide(caller("fin-h1", "FINANCE", "HANDLER"), Work.HANDLING)).isEqualTo(Outcome.OTHER_DEPARTMENT);
        assertThat(decide(caller("fin-h1", "FINANCE", "HANDLER"), Work.READ)).isEqualTo(Outcome.INVISIBLE);
        assertThat(decide(caller("eng-mgr", "ENGINEERING", "DEPARTMENT_MANAGER"), Work.HANDLING)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(caller("fin-mgr", "FINANCE", "DEPARTMENT_MANAGER"), Work.MANAGEMENT)).isEqualTo(Outcome.OTHER_DEPARTMENT);
    }

    @Test
    void given_the_supervisor_and_hq_then_they_act_across_departments_but_not_on_confidential_complaints() {
        Caller supervisor = caller("sup-zhou", "SERVICE_DESK", "SUPERVISOR");
        Caller hq = caller("hq-ops", "HQ", "HQ_ANALYST");
        assertThat(decide(supervisor, Work.MANAGEMENT)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(supervisor, Work.SUPERVISION)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(hq, Work.HANDLING)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(hq, Work.MANAGEMENT)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(decideConfidential(supervisor, Work.READ)).isEqualTo(Outcome.INVISIBLE);
        assertThat(decideConfidential(caller("hr-mgr", "HR", "DEPARTMENT_MANAGER"), Work.MANAGEMENT)).isEqualTo(Outcome.ALLOWED);
        assertThat(CaseAccess.levelOf(hq)).isEqualTo(EscalationLevel.HQ);
    }

    @Test
    void given_a_triage_officer_then_they_read_every_department_but_act_on_none() {
        Caller desk = caller("desk-07", "SERVICE_DESK", "TRIAGE_OFFICER");
        assertThat(decide(desk, Work.READ)).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(desk, Work.HANDLING)).isEqualTo(Outcome.NOT_YOUR_ROLE);
        assertThat(decide(caller("x", null), Work.READ)).isEqualTo(Outcome.NOT_YOUR_ROLE);
    }

    @Test
    void given_a_confidential_complaint_transferred_out_of_hr_then_hr_reads_it_its_department_works_on_it_and_nobody_else_learns_of_it() {
        // SPEC §3.20: it stays confidential wherever it goes (HandlingCase.transfer)
        Caller hrSupervisor = caller("hr-sup", "HR", "SUPERVISOR");
        Caller engHandler = caller("eng-h1", "ENGINEERING", "HANDLER");
        Caller deskSupervisor = caller("sup-zhou", "SERVICE_DESK", "SUPERVISOR");
        assertThat(CaseAccess.decide(hrSupervisor, Work.READ, "ENGINEERING", "eng-h1", true)).isEqualTo(Outcome.ALLOWED);
        assertThat(CaseAccess.decide(engHandler, Work.HANDLING, "ENGINEERING", "eng-h1", true)).isEqualTo(Outcome.ALLOWED);
        assertThat(CaseAccess.decide(deskSupervisor, Work.MANAGEMENT, "ENGINEERING", "eng-h1", true))
                .as("a 404, not a 409 that would tell them it exists").isEqualTo(Outcome.INVISIBLE);
        assertThat(CaseAccess.decide(caller("fin-mgr", "FINANCE", "DEPARTMENT_MANAGER"), Work.MANAGEMENT, "ENGINEERING",
                "eng-h1", true)).isEqualTo(Outcome.INVISIBLE);
        assertThat(CaseAccess.decide(caller("fin-mgr", "FINANCE", "DEPARTMENT_MANAGER"), Work.MANAGEMENT, "ENGINEERING",
                "eng-h1", false)).as("an ordinary one is a 409 (issue 4)").isEqualTo(Outcome.OTHER_DEPARTMENT);
    }
}
