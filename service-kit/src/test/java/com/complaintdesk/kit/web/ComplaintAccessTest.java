package com.complaintdesk.kit.web;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one read rule of every service (README "Who sees what"). */
class ComplaintAccessTest {

    static final Set<String> HR = Set.of("HR");

    static ComplaintAccess.Scope scope(String department, String... roles) {
        return ComplaintAccess.scopeOf(Set.of(roles), department, HR);
    }

    @Test
    void given_an_admin_outside_hr_then_every_department_but_no_hr_complaint() {
        var admin = scope(null, "ADMIN");

        assertThat(admin.permits("ENGINEERING", false)).isTrue();
        assertThat(admin.permits("HR", true)).isFalse();
        assertThat(admin.permits(null, true)).as("an employee complaint not yet dispatched").isFalse();
    }

    @Test
    void given_supervisor_hq_or_the_desk_then_every_department_and_hr_complaints_only_as_hr_staff() {
        for (String role : new String[]{"SUPERVISOR", "HQ_ANALYST", "TRIAGE_OFFICER"}) {
            assertThat(scope("SERVICE_DESK", role).permits("OPERATIONS", false)).as(role).isTrue();
            assertThat(scope("SERVICE_DESK", role).permits("HR", true)).as(role).isFalse();
            assertThat(scope("HR", role).permits("HR", true)).as(role).isTrue();
            assertThat(scope("HR", role).permits(null, true)).as(role).isTrue();
        }
    }

    @Test
    void given_a_handler_or_manager_then_only_their_own_department_with_what_it_holds() {
        for (String role : new String[]{"HANDLER", "DEPARTMENT_MANAGER"}) {
            assertThat(scope("ENGINEERING", role).permits("ENGINEERING", false)).as(role).isTrue();
            assertThat(scope("ENGINEERING", role).permits("OPERATIONS", false)).as(role).isFalse();
            assertThat(scope("ENGINEERING", role).permits(null, false)).as(role + ": not dispatched yet").isFalse();
            assertThat(scope("ENGINEERING", role).permits("ENGINEERING", true)).as(role + ": confidential, held here").isTrue();
            assertThat(scope("HR", role).permits("HR", true)).as(role).isTrue();
            assertThat(scope("HR", role).permits("ENGINEERING", false)).as(role).isFalse();
        }
    }

    @Test
    void given_a_triage_officer_who_is_also_department_staff_then_that_department_only() {
        assertThat(scope("ENGINEERING", "TRIAGE_OFFICER", "HANDLER").permits("OPERATIONS", false)).isFalse();
        assertThat(scope("ENGINEERING", "TRIAGE_OFFICER", "DEPARTMENT_MANAGER").permits("ENGINEERING", false)).isTrue();
        assertThat(scope("ENGINEERING", "SUPERVISOR", "DEPARTMENT_MANAGER").permits("OPERATIONS", false)).isTrue();
    }

    @Test
    void given_department_staff_who_also_read_across_departments_then_everything_plus_their_own_confidential() {
        for (String across : new String[]{"SUPERVISOR", "ADMIN", "HQ_ANALYST"}) {
            for (String own : new String[]{"DEPARTMENT_MANAGER", "HANDLER"}) {
                var both = scope("ENGINEERING", across, own);
                String as = across + "+" + own;
                assertThat(both.permits("ENGINEERING", true)).as(as + ": confidential, held by their department").isTrue();
                assertThat(both.permits("OPERATIONS", false)).as(as + ": another department").isTrue();
                assertThat(both.permits("HR", true)).as(as + ": HR's").isFalse();
                assertThat(both.permits("OPERATIONS", true)).as(as + ": confidential elsewhere").isFalse();
                assertThat(both.permits(null, true)).as(as + ": confidential, not dispatched yet").isFalse();
            }
        }
        assertThat(scope("ENGINEERING", "ADMIN").permits("ENGINEERING", true))
                .as("reading across departments alone gives no department's confidential complaints").isFalse();
    }

    @Test
    void given_no_staff_role_or_a_department_role_without_a_department_then_nothing() {
        assertThat(scope(null).allowed()).isFalse();
        assertThat(scope(null, "CHANNEL_CLIENT").allowed()).isFalse();
        assertThat(scope("HR", "COMPLAINANT").permits("HR", true)).isFalse();
        assertThat(scope(null, "HANDLER").allowed()).isFalse();
    }

    @Test
    void given_the_default_settings_then_workplace_and_employee_complaints_are_hrs() {
        var settings = AccessSettings.DEFAULTS;

        assertThat(settings.isConfidential("WORKPLACE", "CONSUMER")).isTrue();
        assertThat(settings.isConfidential("FACILITY_ENVIRONMENT", "EMPLOYEE")).isTrue();
        assertThat(settings.isConfidential("PRODUCT_QUALITY", "CONSUMER")).isFalse();
        assertThat(settings.isConfidential(null, null)).isFalse();
        assertThat(settings.isHr(new CallerIdentity("a", Set.of("ADMIN"), null, null))).isFalse();
        assertThat(settings.isHr(new CallerIdentity("h", Set.of("HANDLER"), "HR", null))).isTrue();
    }
}
