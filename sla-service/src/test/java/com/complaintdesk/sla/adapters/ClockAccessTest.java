package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.DailySupervision;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read rule all services share (README "Who sees what") on the clock view, the overdue list and the daily
 * overdue report: a department sees its own complaints' clocks, HR's are HR's alone (ADMIN, the supervisor and the
 * desk included), and the three answer alike for one caller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockAccessTest extends SlaSpringTest {

    static final LocalDate REPORT_DAY = LocalDate.of(2026, 12, 10);

    @Autowired
    ClockService clocks;
    @Autowired
    MutableClock clock;
    @Autowired
    TimerEngine timers;
    @Autowired
    DailySupervision daily;

    final JsonMapper json = JsonMapper.builder().build();
    final String engineering = newComplaintId("eng");
    final String workplace = newComplaintId("hr");
    final String employeeNotYetDispatched = newComplaintId("emp");

    @BeforeAll
    void complaintsPastTheirTimeLimits() {
        Instant at = shanghai("2026-11-23T09:30");
        clock.set(at);
        clocks.on(envelope(engineering, received(engineering, at), at));
        clocks.on(envelope(engineering, new ComplaintAccepted("officer", null), at.plusSeconds(60)));
        clocks.on(envelope(engineering, new ComplaintTriaged("PRODUCT_QUALITY", Severity.GENERAL, Liability.LIABLE, Set.of(),
                List.of("test"), null, "3F"), at.plusSeconds(120)));
        clocks.on(envelope(engineering, new ComplaintDispatched("ENGINEERING", "eng-1", null, "PRODUCT_QUALITY",
                Severity.GENERAL, false, false, false, "least workload"), at.plusSeconds(180)));

        clocks.on(envelope(workplace, received(workplace, at, false, null, ComplainantType.EMPLOYEE, null), at));
        clocks.on(envelope(workplace, new ComplaintAccepted("officer", null), at.plusSeconds(60)));
        clocks.on(envelope(workplace, new ComplaintTriaged("WORKPLACE", Severity.GENERAL, Liability.LIABLE, Set.of(),
                List.of("test"), null, "HR"), at.plusSeconds(120)));
        clocks.on(envelope(workplace, new ComplaintDispatched("HR", "hr-1", null, "WORKPLACE", Severity.GENERAL, false,
                true, false, "workplace"), at.plusSeconds(180)));

        clocks.on(envelope(employeeNotYetDispatched, received(employeeNotYetDispatched, at, false, null,
                ComplainantType.EMPLOYEE, null), at));

        clock.set(shanghai("2026-12-10T09:00")); // every one of their clocks is long past due
        timers.drain();
        assertThat(daily.publish(REPORT_DAY)).isPresent();
    }

    @AfterAll
    void clockBack() {
        clock.set(shanghai("2026-11-23T09:00"));
    }

    List<String> mine(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.path("complaintId").asString()));
        return ids.stream().filter(List.of(engineering, workplace, employeeNotYetDispatched)::contains).toList();
    }

    /** The clock view, the overdue list and the daily report agree for the caller, and give exactly {@code expected}. */
    void sees(Caller caller, String... expected) throws Exception {
        List<String> viewed = new ArrayList<>();
        for (String id : List.of(engineering, workplace, employeeNotYetDispatched)) {
            var r = http.get("/api/v1/sla/complaints/" + id + "/clocks", caller);
            assertThat(r.statusCode()).as(id + " for " + caller).isIn(200, 404);
            if (r.statusCode() == 200) {
                viewed.add(id);
            }
        }
        assertThat(viewed).as("clock views for " + caller).containsExactlyInAnyOrder(expected);

        var overdue = http.get("/api/v1/sla/overdue?limit=10000", caller);
        assertThat(overdue.statusCode()).isEqualTo(200);
        assertThat(mine(json.readTree(overdue.body()))).as("overdue list for " + caller).containsExactlyInAnyOrder(expected);

        var report = http.get("/api/v1/sla/reports/daily/" + REPORT_DAY, caller);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(mine(json.readTree(report.body()).path("overdue"))).as("daily report for " + caller)
                .containsExactlyInAnyOrder(expected);
    }

    @Test
    void a_department_sees_the_clocks_of_its_own_complaints_only() throws Exception {
        sees(staff("HANDLER", "ENGINEERING"), engineering);
        sees(staff("DEPARTMENT_MANAGER", "OPERATIONS"));
        sees(staff("HANDLER", "HR"), workplace);
        sees(staff("TRIAGE_OFFICER,HANDLER", "ENGINEERING"), engineering);
    }

    @Test
    void hr_complaints_are_hidden_from_admin_the_supervisor_hq_and_the_desk_before_and_after_dispatch() throws Exception {
        sees(staff("ADMIN", null), engineering);
        sees(staff("SUPERVISOR", "SERVICE_DESK"), engineering);
        sees(staff("HQ_ANALYST", "HQ"), engineering);
        sees(staff("TRIAGE_OFFICER", "SERVICE_DESK"), engineering);
        sees(staff("SUPERVISOR", "HR"), engineering, workplace, employeeNotYetDispatched);
    }

    @Test
    void the_overdue_list_limit_counts_only_what_the_caller_may_see() throws Exception {
        // the first overdue complaint by number is not HR's handler's to see; the limit still gives one of theirs
        var r = http.get("/api/v1/sla/overdue?limit=1", staff("HANDLER", "HR"));
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(r.body()).forEach(i -> ids.add(i.path("complaintId").asString()));
        assertThat(ids).containsExactly(workplace);
    }
}
