package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole handling path at service level: Kafka in (received, triaged, reopened), HTTP with the gateway's identity
 * headers for staff and the second factor for the complainant, Kafka out.
 */
class HandlingWorkflowTest extends DispatchIntegrationTest {

    @Autowired
    OrganisationStore organisation;

    static final Caller ENG_MANAGER = new Caller("eng-mgr-wang", "DEPARTMENT_MANAGER", "ENGINEERING");
    static final Caller OPS_HANDLER = new Caller("ops-h1", "HANDLER", "OPERATIONS");
    static final Caller HQ = new Caller("hq-ops", "HQ_ANALYST", null);
    static final Caller FRONT_END = Caller.channel();

    String dispatch(String category, Severity severity, String text, Flag... flags) {
        String n = newNumber();
        publish(Topics.INTAKE, n, Events.received(n, text));
        awaitCase(n, d -> d.handling.content() != null);
        publish(Topics.TRIAGE, n, Events.triaged(category, severity, flags));
        awaitCase(n, d -> d.handling.status() != null);
        return n;
    }

    @Test
    void the_whole_handling_path_with_an_appeal_to_the_manager_then_resolution_and_reopen() {
        String n = dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "3楼空调坏了三天，没人来修");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            var c = cases.find(n).orElseThrow().handling;
            assertThat(c.department()).isEqualTo("ENGINEERING");
            Caller handler = new Caller(c.handler(), "HANDLER", "ENGINEERING");

            // a handler of another department may not act: 409 with the current state, nothing changes
            var foreign = post("/api/v1/dispatch/complaints/" + n + "/investigation", OPS_HANDLER, "{\"cause\":\"x\"}");
            assertThat(foreign.status()).isEqualTo(409);
            assertThat(foreign.body().get("currentStatus").asString()).isEqualTo("DISPATCHED");

            // the complainant cannot accept what was not proposed
            var early = post("/api/v1/complaints/" + n + "/solution/accept", FRONT_END, "{\"verify\":\"8000\"}");
            assertThat(early.status()).as(early.raw()).isEqualTo(409);

            var inv = post("/api/v1/dispatch/complaints/" + n + "/investigation", handler, """
                    {"cause":"compressor failed","responsibleParty":"ENGINEERING","responsiblePerson":"contractor",
                     "findings":"no maintenance for two years","attachments":["photo-1.jpg"]}""");
            assertThat(inv.status()).isEqualTo(200);
            assertThat(inv.body().get("status").asString()).isEqualTo("INVESTIGATING");

            var proposed = post("/api/v1/dispatch/complaints/" + n + "/solution", handler, """
                    {"items":[{"kind":"REPAIR","description":"replace the compressor"}],"onSiteWorkNeeded":true,
                     "preventiveMeasures":["quarterly maintenance of all units"]}""");
            assertThat(proposed.status()).isEqualTo(200);
            assertThat(proposed.body().get("solution").get("level").asString()).isEqualTo("HANDLER");

            var wrongFactor = post("/api/v1/complaints/" + n + "/solution/reject", FRONT_END, "{\"verify\":\"1234\",\"reason\":\"x\"}");
            assertThat(wrongFactor.status()).isEqualTo(404);

            var rejected = post("/api/v1/complaints/" + n + "/solution/reject", FRONT_END,
                    "{\"verify\":\"8000\",\"reason\":\"I want compensation for three hot days\"}");
            assertThat(rejected.status()).isEqualTo(200);
            assertThat(rejected.body().get("status").asString()).isEqualTo("APPEALED");
            assertThat(rejected.body().get("nextStep").asString()).contains("department manager");

            // the appeal is re-evaluated one level up: the handler may not propose again, the manager may
            var again = post("/api/v1/dispatch/complaints/" + n + "/solution", handler,
                    "{\"items\":[{\"kind\":\"APOLOGY\"}]}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().get("currentStatus").asString()).isEqualTo("APPEALED");
            var byManager = post("/api/v1/dispatch/complaints/" + n + "/solution", ENG_MANAGER, """
                    {"items":[{"kind":"REPAIR","description":"replace the compressor"},
                              {"kind":"COMPENSATION","description":"voucher","amount":{"amount":200.00,"currency":"CNY"}}],
                     "onSiteWorkNeeded":true,"explanation":"three hot days deserve a voucher; the repair stays as proposed"}""");
            assertThat(byManager.status()).isEqualTo(200);
            assertThat(byManager.body().get("solution").get("level").asString()).isEqualTo("DEPARTMENT_MANAGER");

            var accepted = post("/api/v1/complaints/" + n + "/solution/accept", FRONT_END,
                    "{\"verify\":\"ZS@example.com\",\"note\":\"fine\"}");
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.body().get("status").asString()).isEqualTo("IN_PROGRESS");
            var twice = post("/api/v1/complaints/" + n + "/solution/accept", FRONT_END, "{\"verify\":\"8000\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.body().get("currentStatus").asString()).isEqualTo("IN_PROGRESS");

            String resolution = "{\"summary\":\"compressor replaced\",\"apology\":\"we are sorry\",\"improvements\":\"quarterly checks\"}";
            assertThat(post("/api/v1/dispatch/complaints/" + n + "/resolution", handler, resolution).status())
                    .as("on-site arrival must come first").isEqualTo(409);
            assertThat(post("/api/v1/dispatch/complaints/" + n + "/on-site-arrival", handler, null).status()).isEqualTo(200);
            assertThat(post("/api/v1/dispatch/complaints/" + n + "/on-site-arrival", handler, null).status()).isEqualTo(409);
            var resolved = post("/api/v1/dispatch/complaints/" + n + "/resolution", handler, resolution);
            assertThat(resolved.status()).isEqualTo(200);
            assertThat(resolved.body().get("status").asString()).isEqualTo("RESOLVED");
            assertThat(organisation.handler(c.handler()).orElseThrow().openCases())
                    .as("a resolved complaint no longer counts as open work")
                    .isEqualTo(organisation.handlers("ENGINEERING").stream().filter(h -> h.id().equals(c.handler()))
                            .findFirst().orElseThrow().openCases());

            for (String type : new String[]{"InvestigationRecorded", "SolutionRejected", "SolutionAccepted", "OnSiteArrived",
                    "PreventiveMeasureRecorded"}) {
                probe.await(EventProbe.ofType(n, type), 1, Duration.ofSeconds(20));
            }
            probe.await(EventProbe.ofType(n, "SolutionProposed"), 2, Duration.ofSeconds(20));
            var resolvedEvent = probe.await(EventProbe.ofType(n, "ComplaintResolved"), 1, Duration.ofSeconds(20)).get(0);

            // SPEC §3.11/§3.13: the complainant reads the solution, each decision with its reason, and the result
            assertThat(get("/api/v1/complaints/" + n + "/solution?verify=1234", FRONT_END).status()).isEqualTo(404);
            var told = get("/api/v1/complaints/" + n + "/solution?verify=8000", FRONT_END);
            assertThat(told.status()).as(told.raw()).isEqualTo(200);
            assertThat(told.body().get("status").asString()).isEqualTo("RESOLVED");
            assertThat(told.body().get("solution").get("decidedBy").asString()).isEqualTo("the department manager");
            assertThat(told.body().get("solution").get("items").get(1).get("amount").get("currency").asString()).isEqualTo("CNY");
            assertThat(told.body().get("resolution").get("apology").asString()).isEqualTo("we are sorry");
            var decisions = told.body().get("decisions");
            assertThat(java.util.stream.IntStream.range(0, decisions.size())
                    .mapToObj(i -> decisions.get(i).get("decision").asString()).toList())
                    .containsExactly("SOLUTION_PROPOSED", "APPEALED", "RE_EVALUATED", "ACCEPTED", "RESOLVED");
            assertThat(decisions.get(1).get("reason").asString()).isEqualTo("I want compensation for three hot days");
            assertThat(decisions.get(2).get("reason").asString()).contains("three hot days deserve a voucher");
            assertThat(told.raw()).as("no staff names for the complainant").doesNotContain(c.handler()).doesNotContain("eng-mgr-wang");
            assertThat(resolvedEvent.value()).contains("\"department\":\"ENGINEERING\"")
                    .contains("\"handler\":\"" + c.handler() + "\"").contains("compressor replaced");

            // SPEC §3.14: not satisfied at the revisit → back to DISPATCHED in the same department, same handler on duty
            publish(Topics.FOLLOWUP, n, Events.reopened("still too hot"));
            var reopened = awaitCase(n, d -> d.handling.reopenCount() == 1);
            assertThat(reopened.handling.status()).isEqualTo(HandlingStatus.DISPATCHED);
            assertThat(reopened.handling.handler()).isEqualTo(c.handler());
            assertThat(organisation.handler(c.handler()).orElseThrow().openCases()).isPositive();
            var again2 = probe.await(r -> n.equals(r.key()) && r.value().contains("reopened (1): still too hot"), 1,
                    Duration.ofSeconds(20)).get(0);
            // a second ComplaintDispatched of one complaint says why and which one it is
            assertThat(again2.value()).contains("\"kind\":\"REOPENED\"").contains("\"sequence\":2");

            var view = get("/api/v1/dispatch/complaints/" + n, HQ);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.raw()).contains("SOLUTION_REJECTED", "REOPENED").doesNotContain("13800138000");
        }
    }

    @Test
    void a_handler_complained_about_by_name_never_handles_it() {
        String n = dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "工程部王磊师傅和工号E2002的同事态度恶劣，修理敷衍");
        var c = cases.find(n).orElseThrow().handling;
        assertThat(c.handler()).isNotIn("eng-h1", "eng-h2").isEqualTo("eng-duty");
    }

    @Test
    void a_major_media_complaint_makes_the_manager_supervisor_and_informs_pr() {
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            String n = dispatch("PRODUCT_QUALITY", Severity.MAJOR, "记者已经联系我了，产品质量问题", Flag.MEDIA);
            var c = cases.find(n).orElseThrow().handling;
            assertThat(c.supervisor()).isEqualTo("ops-mgr-zhao");
            assertThat(c.noInterviews()).isTrue();
            var notes = probe.await(EventProbe.ofType(n, "StaffNotified"), 2, Duration.ofSeconds(20));
            assertThat(notes).extracting(r -> r.value().replaceAll(".*\"recipient\":\"([^\"]+)\".*", "$1"))
                    .contains("ops-mgr-zhao", "pr-mgr-xu");
        }
    }

    @Test
    void a_complaint_that_becomes_major_gets_the_manager_as_supervisor() {
        String n = dispatch("AFTER_SALES", Severity.GENERAL, "退换货一直没有处理");
        publish(Topics.TRIAGE, n, Events.reclassified("AFTER_SALES", Severity.MAJOR, Flag.LAWYER));
        var c = awaitCase(n, d -> d.handling.supervisor() != null).handling;
        assertThat(c.supervisor()).isEqualTo("ops-mgr-zhao");
        assertThat(c.severity()).isEqualTo(Severity.MAJOR);
    }

    @Test
    void workplace_complaints_go_to_hr_and_are_visible_only_to_hr() {
        String n = dispatch("WORKPLACE", Severity.GENERAL, "主管长期不公平排班");
        var c = cases.find(n).orElseThrow().handling;
        assertThat(c.department()).isEqualTo("HR");
        assertThat(c.confidential()).isTrue();
        assertThat(get("/api/v1/dispatch/complaints/" + n, new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK")).status()).isEqualTo(404);
        assertThat(get("/api/v1/dispatch/complaints/" + n, new Caller("hr-mgr-wu", "DEPARTMENT_MANAGER", "HR")).status()).isEqualTo(200);
        var list = get("/api/v1/dispatch/complaints", new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK"));
        assertThat(list.raw()).doesNotContain(n);
        var hrList = get("/api/v1/dispatch/complaints?department=HR", new Caller("hr-mgr-wu", "DEPARTMENT_MANAGER", "HR"));
        assertThat(hrList.raw()).contains(n);
    }

    @Test
    void the_case_list_pages_most_recent_first_and_refuses_a_page_it_cannot_serve() {
        Caller supervisor = new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK");
        List<String> mine = List.of(dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "电梯异响"),
                dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "空调不制冷"),
                dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "卫生间漏水"));
        List<String> all = new java.util.ArrayList<>();
        get("/api/v1/dispatch/complaints?size=500", supervisor).body().forEach(v -> all.add(v.get("complaintNumber").asString()));
        assertThat(all).containsAll(mine);

        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page * 2 < all.size(); page++) {
            var r = get("/api/v1/dispatch/complaints?size=2&page=" + page, supervisor);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().size()).isLessThanOrEqualTo(2);
            r.body().forEach(v -> paged.add(v.get("complaintNumber").asString()));
        }
        // other tests' cases may still change meanwhile; these three do not
        assertThat(paged.stream().filter(mine::contains).toList()).as("pages of 2 give the list in its order")
                .isEqualTo(all.stream().filter(mine::contains).toList()).hasSize(3);

        for (String bad : new String[]{"page=-1", "size=0", "size=501"}) {
            var r = get("/api/v1/dispatch/complaints?" + bad, supervisor);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.raw()).as(bad).contains("\"field\":\"" + bad.substring(0, bad.indexOf('=')) + "\"");
        }
    }

    @Test
    void an_admin_reads_complaints_but_does_no_department_work_and_never_sees_confidential_ones() {
        Caller admin = new Caller("root", "ADMIN", null);
        String n = dispatch("FACILITY_ENVIRONMENT", Severity.GENERAL, "电梯异响");
        String path = "/api/v1/dispatch/complaints/" + n;
        assertThat(get(path, admin).status()).isEqualTo(200);
        for (String[] action : new String[][]{{"/investigation", "{\"cause\":\"x\"}"},
                {"/reassign", "{\"reason\":\"x\"}"}, {"/transfer", "{\"toDepartment\":\"FINANCE\",\"reason\":\"x\"}"},
                {"/preventive-measures", "{\"measure\":\"x\"}"}}) {
            var r = post(path + action[0], admin, action[1]);
            assertThat(r.status()).as(action[0] + " " + r.raw()).isEqualTo(403);
        }
        assertThat(cases.find(n).orElseThrow().handling.status()).isEqualTo(HandlingStatus.DISPATCHED);

        // SPEC §3.20: HR complaints only HR — an administrator outside HR included
        String hr = dispatch("WORKPLACE", Severity.GENERAL, "同事排挤");
        assertThat(get("/api/v1/dispatch/complaints/" + hr, admin).status()).isEqualTo(404);
        assertThat(get("/api/v1/dispatch/complaints?department=HR", admin).raw()).doesNotContain(hr);
        assertThat(get("/api/v1/dispatch/complaints/" + hr, new Caller("hr-admin", "ADMIN", "HR")).status()).isEqualTo(200);

        // another department's staff neither read (404) nor act (409) on it
        assertThat(get(path, OPS_HANDLER).status()).isEqualTo(404);
        assertThat(post(path + "/investigation", OPS_HANDLER, "{\"cause\":\"x\"}").status()).isEqualTo(409);
    }

    @Test
    void the_manager_reassigns_and_an_unavailable_handler_loses_their_open_complaints() {
        String n = dispatch("BILLING_REFUND", Severity.GENERAL, "重复扣款两次，要求退款");
        var c = cases.find(n).orElseThrow().handling;
        Caller finManager = new Caller("fin-mgr-ma", "DEPARTMENT_MANAGER", "FINANCE");
        String target = c.handler().equals("fin-h1") ? "fin-h2" : "fin-h1";

        var reassigned = post("/api/v1/dispatch/complaints/" + n + "/reassign", finManager,
                "{\"toHandler\":\"" + target + "\",\"reason\":\"balance the week\"}");
        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.body().get("handler").asString()).isEqualTo(target);
        assertThat(organisation.handler(target).orElseThrow().openCases()).isPositive();
        // a handler may not reassign
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/reassign", new Caller(target, "HANDLER", "FINANCE"),
                "{\"reason\":\"x\"}").status()).isEqualTo(403);

        var away = post("/api/v1/organisation/handlers/" + target + "/availability", finManager,
                "{\"available\":false,\"reason\":\"sick leave\"}");
        assertThat(away.status()).isEqualTo(200);
        assertThat(away.body().get("complaintsMoved").asInt()).isPositive();
        var moved = cases.find(n).orElseThrow().handling;
        assertThat(moved.handler()).isNotEqualTo(target);
        assertThat(organisation.handler(target).orElseThrow().openCases()).isZero();
        post("/api/v1/organisation/handlers/" + target + "/availability", finManager, "{\"available\":true}");
    }

    @Test
    void a_transfer_to_a_department_with_nobody_on_duty_queues_it_until_someone_comes_on_duty() {
        Caller admin = new Caller("admin", "ADMIN", null);
        String dept = "LEGAL" + (System.nanoTime() % 1000);
        assertThat(put("/api/v1/organisation/departments/" + dept, admin,
                "{\"name\":\"Legal\",\"nameZh\":\"法务部\",\"manager\":\"legal-mgr\"}").status()).isEqualTo(200);
        String handlerId = dept.toLowerCase() + "-h1";
        assertThat(put("/api/v1/organisation/handlers/" + handlerId, admin, """
                {"name":"韩梅","department":"%s","skills":["legal"],"capacity":10,
                 "duty":{"zone":"Asia/Shanghai","shifts":[{"days":["MONDAY"],"from":"09:00","to":"18:00"}]}}"""
                .formatted(dept)).status()).isEqualTo(200);

        String n = dispatch("OTHER", Severity.GENERAL, "合同条款有争议");
        try {
            clock.set(MONDAY_10AM.plus(Duration.ofDays(1)));  // Tuesday: the legal handler is off duty
            var t = post("/api/v1/dispatch/complaints/" + n + "/transfer", new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK"),
                    "{\"toDepartment\":\"" + dept + "\",\"reason\":\"contract dispute\"}");
            assertThat(t.status()).isEqualTo(200);
            assertThat(t.body().get("status").asString()).isEqualTo("QUEUED");

            clock.set(MONDAY_10AM.plus(Duration.ofDays(7)));  // next Monday 10:00
            var queued = cases.find(n).orElseThrow();
            assertThat(queued.handling.status()).isEqualTo(HandlingStatus.QUEUED);
            handlingService.drainQueue();
            var assigned = cases.find(n).orElseThrow().handling;
            assertThat(assigned.status()).isEqualTo(HandlingStatus.DISPATCHED);
            assertThat(assigned.handler()).isEqualTo(handlerId);
        } finally {
            clock.set(MONDAY_10AM);
        }
    }

    @Test
    void a_complaint_queued_in_a_department_without_handlers_is_assigned_when_one_is_added_and_the_dispatch_says_so() {
        Caller admin = new Caller("admin", "ADMIN", null);
        String dept = "AUDIT" + (System.nanoTime() % 1000);
        assertThat(put("/api/v1/organisation/departments/" + dept, admin,
                "{\"name\":\"Audit\",\"nameZh\":\"审计部\",\"manager\":\"audit-mgr\"}").status()).isEqualTo(200);
        String n = dispatch("OTHER", Severity.GENERAL, "发票金额不对");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.departmentTopic(dept))) {
            var t = post("/api/v1/dispatch/complaints/" + n + "/transfer", new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK"),
                    "{\"toDepartment\":\"" + dept + "\",\"reason\":\"an audit matter\"}");
            assertThat(t.status()).isEqualTo(200);
            assertThat(t.body().get("status").asString()).isEqualTo("QUEUED");
            assertThat(cases.find(n).orElseThrow().handling.history())
                    .anyMatch(h -> h.what().equals("NOTIFIED") && h.detail().startsWith("audit-mgr: Transferred complaint waits"));

            String handlerId = dept.toLowerCase() + "-h1";
            assertThat(put("/api/v1/organisation/handlers/" + handlerId, admin, """
                    {"name":"严明","department":"%s","duty":{"alwaysOnDuty":true}}""".formatted(dept)).status()).isEqualTo(200);

            var assigned = cases.find(n).orElseThrow().handling;
            assertThat(assigned.status()).isEqualTo(HandlingStatus.DISPATCHED);
            assertThat(assigned.handler()).isEqualTo(handlerId);
            var dispatches = probe.await(EventProbe.ofType(n, "ComplaintDispatched"), 2, Duration.ofSeconds(20));
            assertThat(dispatches.get(0).value()).contains("\"kind\":\"TRANSFERRED\"", "\"sequence\":2", "\"queued\":true");
            assertThat(dispatches.get(1).value()).contains("\"kind\":\"ASSIGNED_FROM_QUEUE\"", "\"sequence\":3",
                    "\"handler\":\"" + handlerId + "\"");
        }
    }

    @Autowired
    com.complaintdesk.dispatch.application.HandlingService handlingService;

    @Test
    void bad_input_gets_problem_json_field_by_field_and_unknown_numbers_404() {
        String n = dispatch("OTHER", Severity.GENERAL, "咨询台答复不清楚");
        Caller desk = new Caller(cases.find(n).orElseThrow().handling.handler(), "HANDLER", "SERVICE_DESK");

        var missing = post("/api/v1/dispatch/complaints/" + n + "/investigation", desk, "{\"findings\":\"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("\"field\":\"cause\"");

        var badKind = post("/api/v1/dispatch/complaints/" + n + "/solution", desk, "{\"items\":[{\"kind\":\"CASH\"}]}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.raw()).contains("must be one of");

        var noAmount = post("/api/v1/dispatch/complaints/" + n + "/solution", desk, "{\"items\":[{\"kind\":\"REFUND\"}]}");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.raw()).contains("needs an amount");

        assertThat(post("/api/v1/dispatch/complaints/" + n + "/investigation", desk, "{not json").status()).isEqualTo(400);
        assertThat(post("/api/v1/dispatch/complaints/C-20990101-000001/investigation", desk, "{\"cause\":\"x\"}").status()).isEqualTo(404);
        assertThat(post("/api/v1/complaints/C-20990101-000001/solution/accept", FRONT_END, "{\"verify\":\"8000\"}").status()).isEqualTo(404);
        assertThat(post("/api/v1/complaints/" + n + "/solution/reject", FRONT_END, "{\"verify\":\"8000\"}").status()).isEqualTo(400);
        assertThat(get("/api/v1/dispatch/complaints/" + n, FRONT_END).status()).isEqualTo(403);
        assertThat(cases.find(n).orElseThrow().handling.status()).isEqualTo(HandlingStatus.DISPATCHED);
    }
}
