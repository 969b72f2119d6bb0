package com.complaintdesk.dispatch.domain;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.domain.organisation.ConflictOfInterest;
import com.complaintdesk.dispatch.domain.organisation.DutySchedule;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import com.complaintdesk.dispatch.domain.organisation.RoutingTable;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationRulesTest {

    final RoutingTable routing = new RoutingTable(List.of(
            new RoutingRule(100, "SERVICE_ATTITUDE", null, Severity.MAJOR, "OPERATIONS", "service", false),
            new RoutingRule(110, "SERVICE_ATTITUDE", null, null, "SERVICE_DESK", "service", false),
            new RoutingRule(10, null, ComplainantType.EMPLOYEE, null, "HR", "workplace", true),
            new RoutingRule(40, "FACILITY_ENVIRONMENT", null, null, "ENGINEERING", "facility", false)), "SERVICE_DESK");

    @Test
    void given_a_category_when_routing_then_its_department_and_skill_are_chosen() {
        var route = routing.route("FACILITY_ENVIRONMENT", ComplainantType.CONSUMER, Severity.GENERAL);
        assertThat(route.department()).isEqualTo("ENGINEERING");
        assertThat(route.skill()).isEqualTo("facility");
    }

    @Test
    void given_severity_decides_complexity_when_routing_service_attitude_then_major_goes_to_operations() {
        assertThat(routing.route("SERVICE_ATTITUDE", ComplainantType.CONSUMER, Severity.MAJOR).department()).isEqualTo("OPERATIONS");
        assertThat(routing.route("SERVICE_ATTITUDE", ComplainantType.CONSUMER, Severity.IMPORTANT).department()).isEqualTo("SERVICE_DESK");
    }

    @Test
    void given_an_employee_complaint_when_routing_then_it_goes_to_hr_confidentially_whatever_the_category() {
        var route = routing.route("FACILITY_ENVIRONMENT", ComplainantType.EMPLOYEE, Severity.GENERAL);
        assertThat(route.department()).isEqualTo("HR");
        assertThat(route.confidential()).isTrue();
    }

    @Test
    void given_no_rule_matches_when_routing_then_the_fallback_department_takes_it() {
        assertThat(routing.route("SOMETHING_NEW", ComplainantType.CONSUMER, Severity.GENERAL).department()).isEqualTo("SERVICE_DESK");
    }

    @Test
    void given_the_text_names_a_handler_by_name_or_employee_number_then_that_handler_is_in_conflict() {
        var wang = new Handler("eng-h1", "王磊", "E2001", "ENGINEERING", Set.of(), 0, null, true, 0, 0);
        assertThat(ConflictOfInterest.mentions("工程部的王磊态度很差", wang)).isTrue();
        assertThat(ConflictOfInterest.mentions("工号Ｅ２００１的师傅没来", wang)).as("full-width digits fold").isTrue();
        assertThat(ConflictOfInterest.mentions("空调坏了三天没人修", wang)).isFalse();
        assertThat(ConflictOfInterest.mentions(null, wang)).isFalse();
    }

    @Test
    void given_an_overnight_shift_then_the_hours_after_midnight_belong_to_the_day_it_started() {
        var night = DutySchedule.weekly(new DutySchedule.Shift(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0)));
        // Friday 23:00 and Saturday 05:00 Shanghai are on duty, Saturday 07:00 and Thursday 23:00 are not
        assertThat(night.isOnDuty(Instant.parse("2026-11-27T15:00:00Z"))).isTrue();
        assertThat(night.isOnDuty(Instant.parse("2026-11-27T21:00:00Z"))).isTrue();
        assertThat(night.isOnDuty(Instant.parse("2026-11-27T23:00:00Z"))).isFalse();
        assertThat(night.isOnDuty(Instant.parse("2026-11-26T15:00:00Z"))).isFalse();
    }
}
