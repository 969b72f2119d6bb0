package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.complaintdesk.followup.adapters.Mother.dispatched;
import static com.complaintdesk.followup.adapters.Mother.received;
import static com.complaintdesk.followup.adapters.Mother.resolved;
import static com.complaintdesk.followup.adapters.Mother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what (SPEC §1, §7; README table): every endpoint against callers who may and may not use it. The
 * gateway authenticates; follow-up decides by the roles and department it passes on.
 */
class AccessTest extends ServiceHarness {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static final String SATISFIED = "{\"reached\":true,\"satisfaction\":5}";

    Reply as(String method, String path, String body, String roles, String department) {
        return raw(method, path, body, "Content-Type", "application/json", IdentityHeaders.USER_ID, "u-1",
                IdentityHeaders.ROLES, roles, IdentityHeaders.DEPARTMENT, department);
    }

    Reply asChannel(String method, String path, String body) {
        return raw(method, path, body, "Content-Type", "application/json", IdentityHeaders.CHANNEL_CLIENT, "web",
                IdentityHeaders.ROLES, "CHANNEL_CLIENT");
    }

    Reply anonymous(String method, String path, String body) {
        return raw(method, path, body, "Content-Type", "application/json");
    }

    String resolvedCase(ComplainantType type, Severity severity) {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, type, "13800138000", null, t), t);
        feed(Topics.TRIAGE, id, triaged(severity), t);
        feed(Topics.DISPATCH, id, dispatched("ENGINEERING", "h-1", severity), t);
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-1"), t);
        await(id, "RevisitDue", 1);
        return id;
    }

    @Test
    void lists_cases_reports_and_the_policy_are_read_by_staff_of_the_desk_supervision_and_hq_only() {
        String id = resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL);
        for (String path : new String[]{"/api/v1/followup/revisits", "/api/v1/followup/cases/" + id, "/api/v1/followup/policy"}) {
            for (String role : new String[]{"TRIAGE_OFFICER", "SUPERVISOR", "HQ_ANALYST", "ADMIN"}) {
                assertThat(as("GET", path, null, role, null).status()).as(path + " " + role).isEqualTo(200);
            }
            assertThat(as("GET", path, null, "DEPARTMENT_MANAGER", "ENGINEERING").status()).as(path).isEqualTo(200);
            for (String role : new String[]{"HANDLER", "COMPLAINANT", "CHANNEL_CLIENT"}) {
                var r = as("GET", path, null, role, "ENGINEERING");
                assertThat(r.status()).as(path + " " + role).isEqualTo(403);
                assertThat(r.isProblem()).isTrue();
            }
            assertThat(asChannel("GET", path, null).status()).as(path).isEqualTo(403);
            assertThat(anonymous("GET", path, null).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void a_desk_revisit_is_recorded_by_the_desk_or_an_admin_and_an_anchor_tenant_revisit_by_the_supervisor() {
        String desk = resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL);
        String anchor = resolvedCase(ComplainantType.ANCHOR_TENANT, Severity.IMPORTANT);
        String deskPath = "/api/v1/followup/revisits/" + desk + "/attempts";
        String anchorPath = "/api/v1/followup/revisits/" + anchor + "/attempts";

        for (String role : new String[]{"HANDLER", "DEPARTMENT_MANAGER", "HQ_ANALYST", "COMPLAINANT"}) {
            assertThat(as("POST", deskPath, SATISFIED, role, "ENGINEERING").status()).as(role).isEqualTo(403);
        }
        assertThat(asChannel("POST", deskPath, SATISFIED).status()).isEqualTo(403);
        assertThat(as("POST", deskPath, SATISFIED, "SUPERVISOR", null).status()).isEqualTo(403);
        assertThat(as("POST", anchorPath, SATISFIED, "TRIAGE_OFFICER", null).status()).isEqualTo(403);
        assertThat(count(desk, "RevisitDone") + count(anchor, "RevisitDone")).isZero();

        assertThat(as("POST", anchorPath, SATISFIED, "SUPERVISOR", null).status()).isEqualTo(200);
        assertThat(as("POST", deskPath, "{\"reached\":false}", "ADMIN", null).status()).isEqualTo(200);
        assertThat(as("POST", deskPath, SATISFIED, "TRIAGE_OFFICER", null).status()).isEqualTo(200);
    }

    @Test
    void the_special_report_is_filed_by_the_desk_the_supervisor_or_the_manager_of_the_complaints_own_department() {
        String id = resolvedCase(ComplainantType.CONSUMER, Severity.MAJOR);
        String path = "/api/v1/followup/special-reports/" + id;
        String report = "{\"cause\":\"c\",\"handling\":\"h\",\"correctiveActions\":\"a\"}";

        for (String role : new String[]{"HANDLER", "HQ_ANALYST", "COMPLAINANT"}) {
            assertThat(as("POST", path, report, role, "ENGINEERING").status()).as(role).isEqualTo(403);
        }
        assertThat(asChannel("POST", path, report).status()).isEqualTo(403);
        // another department's manager does not even learn that the complaint exists
        assertThat(as("POST", path, report, "DEPARTMENT_MANAGER", "HR").status()).isEqualTo(404);
        assertThat(as("GET", path, null, "DEPARTMENT_MANAGER", "HR").status()).isEqualTo(404);
        assertThat(count(id, "SpecialReportFiled")).isZero();

        assertThat(as("POST", path, report, "DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(201);
        assertThat(as("GET", path, null, "HQ_ANALYST", null).status()).isEqualTo(200);
        assertThat(as("GET", path, null, "HANDLER", "ENGINEERING").status()).isEqualTo(403);
    }

    @Test
    void an_employee_complaint_is_hrs_alone_and_revisited_by_hrs_manager() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.EMPLOYEE, "13800138000", null, t), t);
        feed(Topics.DISPATCH, id, new com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched("HR", "hr-1",
                null, "WORKPLACE", Severity.GENERAL, false, true, false, "workplace"), t);
        feed(Topics.DISPATCH, id, resolved("HR", "hr-1"), t);
        var due = payload(await(id, "RevisitDue", 1).get(0));
        assertThat(due.path("assignee").asString()).isEqualTo("HR");
        String casePath = "/api/v1/followup/cases/" + id;
        String list = "/api/v1/followup/revisits?limit=500";

        for (String role : new String[]{"TRIAGE_OFFICER", "SUPERVISOR", "HQ_ANALYST"}) {
            assertThat(as("GET", casePath, null, role, "SERVICE_DESK").status()).as(role).isEqualTo(404);
            assertThat(as("GET", list, null, role, "SERVICE_DESK").body().findValuesAsString("complaintId")).as(role)
                    .doesNotContain(id);
            assertThat(as("GET", "/api/v1/followup/special-reports/" + id, null, role, null).status()).isEqualTo(404);
        }
        assertThat(as("POST", "/api/v1/followup/revisits/" + id + "/attempts", SATISFIED, "TRIAGE_OFFICER", null).status())
                .isEqualTo(404);
        assertThat(as("GET", casePath, null, "DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(404);
        assertThat(count(id, "RevisitDone")).isZero();

        var hrView = as("GET", casePath, null, "DEPARTMENT_MANAGER", "HR");
        assertThat(hrView.status()).isEqualTo(200);
        assertThat(hrView.body().path("confidential").asBoolean()).isTrue();
        assertThat(as("GET", list + "&assignee=HR", null, "DEPARTMENT_MANAGER", "HR").body().findValuesAsString("complaintId"))
                .contains(id);
        // ADMIN administers; it is not HR (SPEC §3.20 "visible only to HR roles"; README "Who sees what")
        assertThat(as("GET", casePath, null, "ADMIN", null).status()).isEqualTo(404);
        assertThat(as("GET", list, null, "ADMIN", null).body().findValuesAsString("complaintId")).doesNotContain(id);
        assertThat(as("GET", "/api/v1/followup/special-reports/" + id, null, "ADMIN", null).status()).isEqualTo(404);
        assertThat(as("POST", "/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":false}", "ADMIN", null).status())
                .isEqualTo(404);
        assertThat(as("GET", casePath, null, "ADMIN", "HR").status()).isEqualTo(200);
        var recorded = as("POST", "/api/v1/followup/revisits/" + id + "/attempts", SATISFIED, "DEPARTMENT_MANAGER", "HR");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void a_desk_officer_who_is_also_a_department_manager_sees_only_that_departments_cases() {
        String id = resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL); // ENGINEERING's
        String casePath = "/api/v1/followup/cases/" + id;
        String list = "/api/v1/followup/revisits?limit=500";

        assertThat(as("GET", casePath, null, "TRIAGE_OFFICER,DEPARTMENT_MANAGER", "OPERATIONS").status()).isEqualTo(404);
        assertThat(as("GET", list, null, "TRIAGE_OFFICER,DEPARTMENT_MANAGER", "OPERATIONS").body()
                .findValuesAsString("complaintId")).doesNotContain(id);
        assertThat(as("GET", casePath, null, "TRIAGE_OFFICER,DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(200);
        assertThat(as("GET", casePath, null, "TRIAGE_OFFICER", "SERVICE_DESK").status()).isEqualTo(200);
    }

    @Test
    void every_change_is_in_the_audit_trail_with_who_made_it() {
        String id = resolvedCase(ComplainantType.CONSUMER, Severity.MAJOR);
        assertThat(as("POST", "/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":false}", "TRIAGE_OFFICER", null)
                .status()).isEqualTo(200);
        assertThat(asChannel("POST", "/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"8000\",\"satisfaction\":4}")
                .status()).isEqualTo(200);
        assertThat(as("POST", "/api/v1/followup/special-reports/" + id,
                "{\"cause\":\"c\",\"handling\":\"h\",\"correctiveActions\":\"a\"}", "SUPERVISOR", null).status()).isEqualTo(201);

        var trail = new java.util.ArrayList<org.bson.Document>();
        mongo.getCollection("audit").find(new org.bson.Document("complaintId", id))
                .sort(new org.bson.Document("at", 1)).into(trail);
        assertThat(trail).extracting(d -> d.getString("action")).containsExactly(
                "REVISIT_ATTEMPT_FAILED", "REVISIT_ANSWERED_BY_COMPLAINANT", "SPECIAL_REPORT_FILED");
        assertThat(trail).extracting(d -> d.getString("actor")).containsExactly("u-1", "channel:web", "u-1");
        assertThat(trail.get(2).get("details", org.bson.Document.class).getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void the_policy_is_changed_by_an_admin_or_the_supervisor_only() {
        String policy = get("/api/v1/followup/policy", "ADMIN").body().path("policy").toString();

        for (String role : new String[]{"TRIAGE_OFFICER", "DEPARTMENT_MANAGER", "HQ_ANALYST", "HANDLER"}) {
            assertThat(as("PUT", "/api/v1/followup/policy", policy, role, "ENGINEERING").status()).as(role).isEqualTo(403);
        }
        assertThat(asChannel("PUT", "/api/v1/followup/policy", policy).status()).isEqualTo(403);
        assertThat(as("PUT", "/api/v1/followup/policy", policy, "SUPERVISOR", null).status()).isEqualTo(200);
    }

    @Test
    void the_complainant_answer_comes_through_a_channel_front_end_not_from_staff_or_nobody() {
        String id = resolvedCase(ComplainantType.CONSUMER, Severity.GENERAL);
        String path = "/api/v1/complaints/" + id + "/revisit";
        String body = "{\"verify\":\"8000\",\"satisfaction\":5}";

        for (String role : new String[]{"TRIAGE_OFFICER", "SUPERVISOR", "HANDLER", "DEPARTMENT_MANAGER"}) {
            var r = as("POST", path, body, role, "ENGINEERING");
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.body().path("detail").asString()).contains("/attempts");
        }
        assertThat(anonymous("POST", path, body).status()).isEqualTo(403);
        assertThat(count(id, "RevisitDone")).isZero();

        assertThat(asChannel("POST", path, body).status()).isEqualTo(200);
    }
}
