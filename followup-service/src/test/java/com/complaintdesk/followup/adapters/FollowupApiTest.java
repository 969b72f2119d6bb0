package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static com.complaintdesk.followup.adapters.Mother.received;
import static com.complaintdesk.followup.adapters.Mother.resolved;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, roles, the editable policy and poison records. */
class FollowupApiTest extends ServiceHarness {

    @Test
    void bad_revisit_input_gets_problem_json_field_by_field_and_changes_nothing() {
        String id = revisitDue();
        String path = "/api/v1/followup/revisits/" + id + "/attempts";

        var outOfScale = post(path, "{\"reached\":true,\"satisfaction\":9}", "TRIAGE_OFFICER");
        assertThat(outOfScale.status()).isEqualTo(400);
        assertThat(outOfScale.body().path("errors").findValuesAsString("field")).containsExactly("satisfaction");

        var noReason = post(path, "{\"reached\":true,\"satisfaction\":1}", "TRIAGE_OFFICER");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsString("field")).containsExactly("reason");

        assertThat(post(path, "{\"reached\":", "TRIAGE_OFFICER").status()).isEqualTo(400);
        assertThat(post(path, "{}", "TRIAGE_OFFICER").body().path("errors").findValuesAsString("field")).contains("reached");
        assertThat(post(path, "{\"reached\":true,\"satisfaction\":5,\"mood\":\"ok\"}", "TRIAGE_OFFICER").status()).isEqualTo(400);
        assertThat(post(path, "{\"reached\":true,\"satisfaction\":5}", "HANDLER").status()).isEqualTo(403);
        assertThat(post("/api/v1/followup/revisits/C-20991231-999999/attempts", "{\"reached\":false}", "TRIAGE_OFFICER")
                .status()).isEqualTo(404);

        var view = get("/api/v1/followup/cases/" + id, "TRIAGE_OFFICER").body();
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(view.path("revisit").path("result").isNull() || view.path("revisit").path("result").isMissingNode()).isTrue();
        assertThat(count(id, "RevisitDone")).isZero();
    }

    @Test
    void the_complainant_answer_is_checked_like_any_input() {
        String id = revisitDue();
        String path = "/api/v1/complaints/" + id + "/revisit";

        assertThat(post(path, "{\"verify\":\"1234\",\"satisfaction\":5}", null).status()).isEqualTo(404);
        assertThat(post("/api/v1/complaints/C-20991231-999999/revisit", "{\"verify\":\"8000\",\"satisfaction\":5}", null)
                .status()).isEqualTo(404);
        var missing = post(path, "{\"satisfaction\":0}", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("verify", "satisfaction");
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("status").asString()).isEqualTo("REVISIT_DUE");
    }

    @Test
    void staff_lists_need_a_staff_role_and_check_their_dates() {
        assertThat(get("/api/v1/followup/revisits", "HANDLER").status()).isEqualTo(403);
        assertThat(get("/api/v1/followup/revisits?dueFrom=2026-12-05&dueTo=2026-12-01", "SUPERVISOR").status()).isEqualTo(400);
        assertThat(get("/api/v1/followup/revisits?dueFrom=tomorrow", "SUPERVISOR").status()).isEqualTo(400);
        assertThat(get("/api/v1/followup/revisits?status=SLEEPING", "SUPERVISOR").status()).isEqualTo(400);
        assertThat(get("/api/v1/followup/revisits?limit=0", "SUPERVISOR").status()).isEqualTo(400);
    }

    @Test
    void query_parameters_of_the_wrong_type_are_named_field_by_field() {
        assertThat(fields(get("/api/v1/followup/revisits?dueFrom=tomorrow", "SUPERVISOR"))).containsExactly("dueFrom");
        assertThat(fields(get("/api/v1/followup/revisits?dueTo=2026-13-45", "SUPERVISOR"))).containsExactly("dueTo");
        var status = get("/api/v1/followup/revisits?status=SLEEPING", "SUPERVISOR");
        assertThat(fields(status)).containsExactly("status");
        assertThat(status.body().path("errors").get(0).path("message").asString()).contains("REVISIT_DUE");
        assertThat(fields(get("/api/v1/followup/revisits?limit=lots", "SUPERVISOR"))).containsExactly("limit");
        assertThat(fields(get("/api/v1/followup/revisits?limit=501", "SUPERVISOR"))).containsExactly("limit");
        assertThat(fields(get("/api/v1/followup/revisits?overdue=maybe", "SUPERVISOR"))).containsExactly("overdue");
        assertThat(fields(get("/api/v1/followup/revisits?assignee=" + "x".repeat(65), "SUPERVISOR"))).containsExactly("assignee");
        assertThat(get("/api/v1/followup/revisits?status=&dueFrom=&assignee=", "SUPERVISOR").status()).isEqualTo(200);
        var trailingComma = get("/api/v1/followup/revisits?status=REVISIT_DUE,&status=UNREACHABLE", "SUPERVISOR");
        assertThat(trailingComma.status()).isEqualTo(400);
        assertThat(trailingComma.isProblem()).isTrue();
    }

    @Test
    void bodies_of_the_wrong_shape_or_type_get_problem_json_never_a_server_error() {
        String id = revisitDue();
        String attempts = "/api/v1/followup/revisits/" + id + "/attempts";

        var textPlain = raw("POST", attempts, "reached", "Content-Type", "text/plain",
                com.complaintdesk.contracts.http.IdentityHeaders.USER_ID, "u-1",
                com.complaintdesk.contracts.http.IdentityHeaders.ROLES, "TRIAGE_OFFICER");
        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(textPlain.isProblem()).isTrue();
        assertThat(fields(post(attempts, "{\"reached\":\"yes\"}", "TRIAGE_OFFICER"))).containsExactly("reached");
        assertThat(fields(post(attempts, "{\"reached\":true,\"satisfaction\":\"five\"}", "TRIAGE_OFFICER")))
                .containsExactly("satisfaction");
        assertThat(fields(post(attempts, "{\"reached\":false,\"satisfaction\":4,\"reason\":\"meh\"}", "TRIAGE_OFFICER")))
                .containsExactlyInAnyOrder("satisfaction", "reason");
        assertThat(fields(post(attempts, "{\"reached\":true,\"satisfaction\":2,\"reason\":\"" + "x".repeat(2001) + "\"}",
                "TRIAGE_OFFICER"))).containsExactly("reason");
        assertThat(post(attempts, "", "TRIAGE_OFFICER").status()).isEqualTo(400);
        assertThat(post(attempts, "[]", "TRIAGE_OFFICER").status()).isEqualTo(400);

        String answer = "/api/v1/complaints/" + id + "/revisit";
        assertThat(fields(post(answer, "{\"verify\":\"" + "9".repeat(300) + "\",\"satisfaction\":5}", null))).containsExactly("verify");
        assertThat(fields(post(answer, "{\"verify\":\"8000\",\"satisfaction\":5.5}", null))).containsExactly("satisfaction");
        assertThat(post("/api/v1/complaints/" + "C".repeat(65) + "/revisit", "{\"verify\":\"8000\",\"satisfaction\":5}", null)
                .status()).isEqualTo(400);

        String report = "/api/v1/followup/special-reports/" + id;
        assertThat(fields(post(report, "{\"cause\":[\"a\"],\"handling\":\"h\",\"correctiveActions\":\"c\"}", "SUPERVISOR")))
                .containsExactly("cause");
        assertThat(fields(post(report, "{\"cause\":\"" + "x".repeat(10_001) + "\",\"handling\":\"h\",\"correctiveActions\":\"c\"}",
                "SUPERVISOR"))).containsExactly("cause");

        var view = get("/api/v1/followup/cases/" + id, "SUPERVISOR").body();
        assertThat(view.path("status").asString()).isEqualTo("REVISIT_DUE");
        assertThat(view.path("specialReportId").isNull()).isTrue();
    }

    @Test
    void a_broken_policy_is_refused_field_by_field_and_never_stored() {
        String original = get("/api/v1/followup/policy", "ADMIN").body().path("policy").toString();

        var empty = put("/api/v1/followup/policy", "{}", "ADMIN");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("rule", "maxAttempts", "defaultRoute");
        assertThat(put("/api/v1/followup/policy", "null", "ADMIN").status()).isEqualTo(400);
        var nullSeverity = put("/api/v1/followup/policy",
                original.replaceFirst("\"specialReportSeverities\":\\[[^\\]]*\\]", "\"specialReportSeverities\":[null]"), "ADMIN");
        assertThat(nullSeverity.status()).isEqualTo(400);
        assertThat(nullSeverity.isProblem()).isTrue();
        var unknownType = put("/api/v1/followup/policy", original.replace("\"ANCHOR_TENANT\":", "\"INVESTOR_X\":"), "ADMIN");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.isProblem()).isTrue();
        var nullRoute = put("/api/v1/followup/policy",
                original.replaceFirst("\"ANCHOR_TENANT\":\\{[^}]*\\}", "\"ANCHOR_TENANT\":null"), "ADMIN");
        assertThat(fields(nullRoute)).containsExactly("routes.ANCHOR_TENANT");

        assertThat(get("/api/v1/followup/policy", "ADMIN").body().path("policy").toString()).isEqualTo(original);
    }

    static java.util.List<String> fields(Reply r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        return r.body().path("errors").findValuesAsString("field");
    }

    @Test
    void the_policy_is_data_editable_by_admins_and_used_for_the_next_revisit() {
        var current = get("/api/v1/followup/policy", "SUPERVISOR");
        assertThat(current.status()).isEqualTo(200);
        var policy = current.body().path("policy");
        assertThat(policy.path("rule").asString()).isEqualTo("WORKING_DAYS_AFTER_COMPLETION");
        assertThat(policy.path("maxAttempts").asInt()).isEqualTo(3);
        assertThat(policy.path("routes").path("ANCHOR_TENANT").path("assignee").asString()).isEqualTo("SERVICE_SUPERVISOR");
        String original = policy.toString();

        assertThat(put("/api/v1/followup/policy", original, "TRIAGE_OFFICER").status()).isEqualTo(403);
        var broken = put("/api/v1/followup/policy", original.replace("\"maxAttempts\":3", "\"maxAttempts\":0"), "ADMIN");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().path("errors").findValuesAsString("field")).containsExactly("maxAttempts");
        assertThat(put("/api/v1/followup/policy", original.replace("WORKING_DAYS_AFTER_COMPLETION", "WHENEVER"), "ADMIN")
                .status()).isEqualTo(400);

        try {
            var changed = put("/api/v1/followup/policy",
                    original.replace("WORKING_DAYS_AFTER_COMPLETION", "DAYS_AFTER_REPLY"), "ADMIN");
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().path("updatedBy").asString()).isEqualTo("u-admin");

            String id = revisitDue();
            var due = payload(await(id, "RevisitDue", 1).get(0));
            // seed 4.3: 3 days after the reply (Fri 15:00 → Mon 15:00)
            assertThat(Instant.parse(due.path("dueAt").asString())).isEqualTo(at("2026-11-30T15:00"));
        } finally {
            assertThat(put("/api/v1/followup/policy", original, "ADMIN").status()).isEqualTo(200);
        }
    }

    @Test
    void the_overdue_list_shows_revisits_past_their_deadline_at_the_current_time() {
        String id = revisitDue();
        String overdue = "/api/v1/followup/revisits?overdue=true&limit=500";

        clock.set(at("2026-12-01T17:59"));
        assertThat(get(overdue, "SUPERVISOR").body().findValuesAsString("complaintId")).doesNotContain(id);

        clock.set(at("2026-12-02T09:00"));
        var list = get(overdue, "SUPERVISOR").body();
        assertThat(list.findValuesAsString("complaintId")).contains(id);
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("overdue").asBoolean()).isTrue();
    }

    @Test
    void a_severity_upgrade_from_sla_makes_the_special_report_required() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.CONSUMER, "13800138000", null, t), t);
        feed(Topics.SLA, id, new SeverityUpgradeRequested(Severity.MAJOR, "liable, unresolved after one month"), t);
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-1"), t);
        await(id, "RevisitDue", 1);
        eventually(() -> assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body()
                .path("specialReportRequired").asBoolean()).isTrue());

        var satisfied = post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":true,\"satisfaction\":5}", "TRIAGE_OFFICER");

        assertThat(satisfied.body().path("status").asString()).isEqualTo("AWAITING_SPECIAL_REPORT");
    }

    @Test
    void a_department_manager_sees_only_the_follow_up_of_their_own_department() {
        String id = revisitDue();

        assertThat(getAs("/api/v1/followup/cases/" + id, "DEPARTMENT_MANAGER", "ENGINEERING").status()).isEqualTo(200);
        assertThat(getAs("/api/v1/followup/cases/" + id, "DEPARTMENT_MANAGER", "HR").status()).isEqualTo(404);
        assertThat(getAs("/api/v1/followup/revisits?limit=500", "DEPARTMENT_MANAGER", "ENGINEERING").body()
                .findValuesAsString("complaintId")).contains(id);
        assertThat(getAs("/api/v1/followup/revisits?limit=500", "DEPARTMENT_MANAGER", "HR").body()
                .findValuesAsString("complaintId")).doesNotContain(id);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_without_blocking_the_partition() throws Exception {
        String id = newComplaintId();
        kafka.send(new ProducerRecord<>(Topics.DISPATCH, id, "{not an event")).get(10, TimeUnit.SECONDS);
        Instant t = at("2026-11-27T15:00");
        feed(Topics.DISPATCH, id, resolved("ENGINEERING", "h-1"), t);

        probe.await(r -> r.topic().equals(Topics.deadLetter(Topics.DISPATCH)) && id.equals(r.key()), 1, Duration.ofSeconds(30));
        await(id, "RevisitDue", 1);
    }
}
