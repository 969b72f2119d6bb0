package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static com.complaintdesk.followup.adapters.Mother.dispatched;
import static com.complaintdesk.followup.adapters.Mother.received;
import static com.complaintdesk.followup.adapters.Mother.resolved;
import static com.complaintdesk.followup.adapters.Mother.triaged;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5 system test at service level: a MAJOR complaint is blocked from closing until its special report exists. */
class SpecialReportFlowTest extends ServiceHarness {

    static final String REPORT = """
            {"cause":"电饭煲批次质量问题","handling":"服务主任现场处理,换货并道歉",
             "correctiveActions":"下架该批次","preventiveActions":"进货抽检"}""";

    @Test
    void a_major_anchor_tenant_complaint_closes_only_after_its_special_report() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.ANCHOR_TENANT, null, "Boss@Tenant.example", t), t);
        feed(Topics.TRIAGE, id, triaged(Severity.MAJOR, Flag.MEDIA, Flag.WITHDRAWAL_RISK), t);
        feed(Topics.DISPATCH, id, dispatched("OPERATIONS", "h-3", Severity.MAJOR), t);
        feed(Topics.DISPATCH, id, resolved("OPERATIONS", "h-3"), t);

        // SPEC §3.14: the service supervisor revisits an anchor tenant in person
        var due = payload(await(id, "RevisitDue", 1).get(0));
        assertThat(due.path("method").asString()).isEqualTo("IN_PERSON");
        assertThat(due.path("assignee").asString()).isEqualTo("SERVICE_SUPERVISOR");
        var byDesk = post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":true,\"satisfaction\":5}", "TRIAGE_OFFICER");
        assertThat(byDesk.status()).isEqualTo(403);

        clock.set(at("2026-11-30T11:00"));
        var satisfied = post("/api/v1/followup/revisits/" + id + "/attempts", "{\"reached\":true,\"satisfaction\":4}", "SUPERVISOR");
        assertThat(satisfied.status()).isEqualTo(200);
        assertThat(satisfied.body().path("status").asString()).isEqualTo("AWAITING_SPECIAL_REPORT");
        assertThat(satisfied.body().path("specialReportRequired").asBoolean()).isTrue();
        await(id, "RevisitDone", 1);
        assertThat(get("/api/v1/followup/special-reports/" + id, "HQ_ANALYST").status()).isEqualTo(404);
        assertThat(count(id, "ComplaintClosed")).isZero();

        // an incomplete report is refused field by field, and nothing changes
        var incomplete = post("/api/v1/followup/special-reports/" + id, "{\"handling\":\"x\"}", "SUPERVISOR");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("cause", "correctiveActions");
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("status").asString())
                .isEqualTo("AWAITING_SPECIAL_REPORT");

        var filed = post("/api/v1/followup/special-reports/" + id, REPORT, "SUPERVISOR");
        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.body().path("status").asString()).isEqualTo("CLOSED");
        var filedEvent = payload(await(id, "SpecialReportFiled", 1).get(0));
        assertThat(filedEvent.path("by").asString()).isEqualTo("u-supervisor");
        assertThat(payload(await(id, "ComplaintClosed", 1).get(0)).path("reason").asString()).contains("satisfied");

        var stored = get("/api/v1/followup/special-reports/" + id, "HQ_ANALYST");
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("cause").asString()).isEqualTo("电饭煲批次质量问题");
        assertThat(stored.body().path("reportId").asString()).isEqualTo(filedEvent.path("reportId").asString());
        assertThat(post("/api/v1/followup/special-reports/" + id, REPORT, "SUPERVISOR").status()).isEqualTo(409);
    }

    @Test
    void a_complaint_reclassified_as_vicious_needs_a_report_and_the_complainant_answer_needs_the_email() {
        String id = newComplaintId();
        Instant t = at("2026-11-27T15:00");
        feed(Topics.INTAKE, id, received(id, ComplainantType.CONSUMER, null, "li.si@example.com", t), t);
        feed(Topics.TRIAGE, id, triaged(Severity.GENERAL), t);
        feed(Topics.TRIAGE, id, new ComplaintReclassified("STAFF_CONDUCT", Severity.GENERAL, Liability.LIABLE,
                Set.of(Flag.EXTREME_BEHAVIOUR), "officer-2", "threatened staff"), t);
        feed(Topics.DISPATCH, id, resolved("OPERATIONS", "h-4"), t);
        await(id, "RevisitDue", 1);

        assertThat(post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"wrong@example.com\",\"satisfaction\":5}", null)
                .status()).isEqualTo(404);
        var answer = post("/api/v1/complaints/" + id + "/revisit", "{\"verify\":\"LI.SI@example.com\",\"satisfaction\":5}", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(get("/api/v1/followup/cases/" + id, "SUPERVISOR").body().path("status").asString())
                .isEqualTo("AWAITING_SPECIAL_REPORT");

        assertThat(post("/api/v1/followup/special-reports/" + id, REPORT, "TRIAGE_OFFICER").status()).isEqualTo(201);
        await(id, "ComplaintClosed", 1);
    }
}
