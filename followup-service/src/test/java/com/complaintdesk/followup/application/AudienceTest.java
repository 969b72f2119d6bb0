package com.complaintdesk.followup.application;

import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceTest {

    final AccessSettings access = AccessSettings.DEFAULTS;

    static CallerIdentity staff(String department, String... roles) {
        return new CallerIdentity("u-1", Set.of(roles), department, null);
    }

    @Test
    void given_the_desk_then_every_department_but_not_hrs_confidential_cases() {
        Audience desk = Audience.of(staff("SERVICE_DESK", "TRIAGE_OFFICER"), access);

        assertThat(desk.sees("ENGINEERING", false)).isTrue();
        assertThat(desk.sees("HR", false)).isTrue();
        assertThat(desk.sees("HR", true)).isFalse();
    }

    @Test
    void given_a_department_manager_then_only_their_department_and_hr_sees_its_confidential_cases() {
        Audience engineering = Audience.of(staff("ENGINEERING", "DEPARTMENT_MANAGER"), access);
        Audience hr = Audience.of(staff("HR", "DEPARTMENT_MANAGER"), access);
        Audience nowhere = Audience.of(staff(null, "DEPARTMENT_MANAGER"), access);

        assertThat(engineering.sees("ENGINEERING", false)).isTrue();
        assertThat(engineering.sees("OPERATIONS", false)).isFalse();
        assertThat(hr.sees("HR", true)).isTrue();
        assertThat(hr.sees("ENGINEERING", false)).isFalse();
        assertThat(nowhere.sees(null, false)).isFalse();
    }

    @Test
    void given_an_admin_then_every_department_but_hrs_cases_only_as_hr_staff() {
        Audience admin = Audience.of(staff(null, "ADMIN"), access);
        Audience hrAdmin = Audience.of(staff("HR", "ADMIN"), access);

        assertThat(admin.sees("HR", true)).isFalse();
        assertThat(admin.sees("ENGINEERING", false)).isTrue();
        assertThat(hrAdmin.sees("HR", true)).isTrue();
    }

    @Test
    void given_a_desk_officer_who_is_also_a_department_manager_then_that_department_only() {
        Audience both = Audience.of(staff("ENGINEERING", "TRIAGE_OFFICER", "DEPARTMENT_MANAGER"), access);

        assertThat(both.sees("ENGINEERING", false)).isTrue();
        assertThat(both.sees("OPERATIONS", false)).isFalse();
    }

    @Test
    void given_a_manager_who_is_also_admin_then_every_department_plus_the_confidential_cases_of_his_own() {
        Audience both = Audience.of(staff("ENGINEERING", "ADMIN", "DEPARTMENT_MANAGER"), access);

        assertThat(both.sees("OPERATIONS", false)).isTrue();
        assertThat(both.sees("ENGINEERING", true)).as("a confidential case his department holds").isTrue();
        assertThat(both.sees("HR", true)).isFalse();
        assertThat(Audience.NOBODY.seesAny()).isFalse();
    }
}
