package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.sla.adapters.mongo.CalendarStore;
import com.complaintdesk.sla.application.CalendarService;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.SlaProperties;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.ServiceHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import static com.complaintdesk.sla.support.SlaMother.received;
import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/** The policy and calendar APIs: data editable over HTTP, bad input answered with problem+json field by field. */
class SlaApiTest extends SlaSpringTest {

    @Autowired
    ClockService clocks;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SlaProperties properties;
    @Autowired
    CalendarService calendar;

    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String body, String roles) {
        return http.send(method, path, body, staff(roles));
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(ServiceHttp.isProblem(r)).as("problem+json: " + r.headers().firstValue("Content-Type")).isTrue();
    }

    @Test
    void clocks_of_an_unknown_complaint_are_a_404_and_staff_roles_are_required() throws Exception {
        assertProblem(send("GET", "/api/v1/sla/complaints/C-20991231-999999/clocks", null, "SUPERVISOR"), 404);
        assertProblem(send("GET", "/api/v1/sla/overdue", null, null), 403);
        assertProblem(send("GET", "/api/v1/sla/overdue?limit=0", null, "SUPERVISOR"), 400);
        assertProblem(send("GET", "/api/v1/sla/reports/daily/not-a-date", null, "SUPERVISOR"), 400);
    }

    @Test
    void a_policy_edited_over_the_api_sets_the_target_of_clocks_started_afterwards() throws Exception {
        var before = send("GET", "/api/v1/sla/policies/resolution", null, "SUPERVISOR");
        assertThat(before.statusCode()).isEqualTo(200);
        String original = json.readTree(before.body()).path("policy").toString();

        String oneDay = """
                {"id":"resolution","clock":"RESOLUTION","kind":"WORKING_DAYS","workingDays":1,"honourRequestedDeadline":true,
                 "ladder":[{"level":"SERVICE_SUPERVISOR","after":"PT0S"},{"level":"DEPARTMENT_MANAGER","after":"PT4H"}]}""";
        assertProblem(send("PUT", "/api/v1/sla/policies/resolution", oneDay, "HANDLER"), 403);
        var put = send("PUT", "/api/v1/sla/policies/resolution", oneDay, "HQ_ANALYST");
        assertThat(put.statusCode()).isEqualTo(200);
        try {
            String id = newComplaintId("policy");
            clock.set(shanghai("2026-11-23T10:00"));
            clocks.on(envelope(id, received(id, shanghai("2026-11-23T09:30")), shanghai("2026-11-23T09:30")));
            clocks.on(envelope(id, new ComplaintAccepted("officer", null), shanghai("2026-11-23T10:00")));
            var view = json.readTree(send("GET", "/api/v1/sla/complaints/" + id + "/clocks", null, "SUPERVISOR").body());
            JsonNode resolution = null;
            for (JsonNode c : view.path("clocks")) {
                if (c.path("clock").asString().equals(SlaClocks.RESOLUTION)) {
                    resolution = c;
                }
            }
            assertThat(resolution).isNotNull();
            assertThat(resolution.path("dueAt").asString()).isEqualTo(shanghai("2026-11-24T18:00").toString());
        } finally {
            assertThat(send("PUT", "/api/v1/sla/policies/resolution", original, "HQ_ANALYST").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_unusable_policy_is_refused_field_by_field_and_nothing_changes() throws Exception {
        String bad = """
                {"id":"resolution","clock":"RESOLUTION","kind":"CALENDAR_TIME","warnAtPercent":150,"ladder":[]}""";
        var r = send("PUT", "/api/v1/sla/policies/resolution", bad, "HQ_ANALYST");
        assertProblem(r, 400);
        assertThat(json.readTree(r.body()).path("errors").findValuesAsString("field"))
                .contains("target", "warnAtPercent", "ladder");
        assertProblem(send("PUT", "/api/v1/sla/policies/resolution", "{\"kind\":\"FOREVER\"}", "HQ_ANALYST"), 400);
        assertProblem(send("PUT", "/api/v1/sla/policies/resolution", "{not json", "HQ_ANALYST"), 400);
        var still = json.readTree(send("GET", "/api/v1/sla/policies/resolution", null, "SUPERVISOR").body());
        assertThat(still.path("policy").path("kind").asString()).isEqualTo("WORKING_DAYS");
    }

    @Test
    void a_year_added_over_the_api_is_used_and_survives_a_restart() throws Exception {
        var years = send("GET", "/api/v1/calendar/years", null, null);
        assertThat(years.statusCode()).isEqualTo(200);
        assertThat(json.readTree(years.body()).findValuesAsString("source")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(years.body()).contains("\"year\":2024", "\"year\":2025", "\"year\":2026");

        // 2028 (made up for the test): 1–3 January off, Sunday 9 January a make-up working day
        String year = """
                {"source":"test notice","days":[
                  {"date":"2028-01-01","name":"元旦","isOffDay":true},{"date":"2028-01-02","name":"元旦","isOffDay":true},
                  {"date":"2028-01-03","name":"元旦","isOffDay":true},{"date":"2028-01-09","name":"元旦","isOffDay":false}]}""";
        assertThat(send("PUT", "/api/v1/calendar/years/2028", year, "HQ_ANALYST").statusCode()).isEqualTo(200);
        assertThat(json.readTree(send("GET", "/api/v1/calendar/days/2028-01-03", null, null).body())
                .path("workingDay").asBoolean()).isFalse();
        assertThat(json.readTree(send("GET", "/api/v1/calendar/days/2028-01-09", null, null).body())
                .path("workingDay").asBoolean()).isTrue();

        // a new instance (as after a restart) reads it back from MongoDB
        var restarted = new CalendarService(new CalendarStore(mongo), properties, clock);
        assertThat(restarted.current().isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(restarted.current().isWorkingDay(LocalDate.of(2028, 1, 9))).isTrue();
        assertThat(restarted.current().isWorkingDay(LocalDate.of(2026, 10, 10))).as("bundled years kept").isTrue();
    }

    @Test
    void a_bad_calendar_year_or_working_hours_are_refused_field_by_field() throws Exception {
        String wrongYear = """
                {"days":[{"date":"2027-01-01","name":"元旦","isOffDay":true},{"date":"2029-01-01","name":"","isOffDay":true}]}""";
        var r = send("PUT", "/api/v1/calendar/years/2029", wrongYear, "HQ_ANALYST");
        assertProblem(r, 400);
        assertThat(json.readTree(r.body()).path("errors").findValuesAsString("field")).contains("days[0].date", "days[1].name");
        assertProblem(send("PUT", "/api/v1/calendar/years/2029", "{\"days\":[{\"date\":\"2029-13-01\"}]}", "HQ_ANALYST"), 400);
        assertProblem(send("GET", "/api/v1/calendar/years/1999", null, null), 404);

        var hours = send("PUT", "/api/v1/calendar/working-hours",
                "{\"weekly\":{\"MONDAY\":\"18:00-09:00\",\"FUNDAY\":\"09:00-12:00\"}}", "HQ_ANALYST");
        assertProblem(hours, 400);
        assertThat(json.readTree(hours.body()).path("errors").findValuesAsString("field")).contains("weekly.MONDAY", "weekly.FUNDAY");
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 11, 23))).as("unchanged").isTrue();
    }

    @Test
    void working_hours_are_data_a_saturday_morning_can_be_opened() throws Exception {
        var original = json.readTree(send("GET", "/api/v1/calendar/working-hours", null, null).body());
        String withSaturday = """
                {"weekly":{"MONDAY":"09:00-18:00","TUESDAY":"09:00-18:00","WEDNESDAY":"09:00-18:00","THURSDAY":"09:00-18:00",
                 "FRIDAY":"09:00-18:00","SATURDAY":"09:00-12:00"}}""";
        try {
            assertThat(send("PUT", "/api/v1/calendar/working-hours", withSaturday, "HQ_ANALYST").statusCode()).isEqualTo(200);
            var saturday = json.readTree(send("GET", "/api/v1/calendar/days/2026-11-28", null, null).body());
            assertThat(saturday.path("workingDay").asBoolean()).isTrue();
            assertThat(saturday.path("close").asString()).isEqualTo("12:00");
            assertThat(calendar.current().nextBusinessStart(shanghai("2026-11-27T19:00"))).isEqualTo(shanghai("2026-11-28T09:00"));
        } finally {
            String restore = "{\"zone\":" + original.path("zone") + ",\"weekly\":" + original.path("weekly")
                    + ",\"makeupDayHours\":" + original.path("makeupDayHours") + "}";
            assertThat(send("PUT", "/api/v1/calendar/working-hours", restore, "HQ_ANALYST").statusCode()).isEqualTo(200);
        }
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
    }
}
