package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.http.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.complaintdesk.systemtests.Expect.conflict;
import static com.complaintdesk.systemtests.Expect.eventually;
import static com.complaintdesk.systemtests.Expect.eventuallyInStatus;
import static com.complaintdesk.systemtests.Expect.ok;
import static com.complaintdesk.systemtests.Staff.dispatchCase;
import static com.complaintdesk.systemtests.Staff.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, SPEC §3 rules 8–13: the department's handling path through the gateway only — dispatched to a department
 * and one handler, investigation, a proposed solution the complainant rejects (an appeal), the department manager's
 * re-evaluation one level up, the accepted solution carried out and resolved — with each state seen by the
 * department (dispatch), by the complainant (intake's status view) and in the ledger (reporting), and each step as an
 * event on {@code complaints.dispatch}.
 */
@ExtendWith(WholeSystem.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HandlingPathThroughGatewayTest {

    @Test
    void givenADispatchedComplaint_whenTheComplainantRejectsTheSolution_thenTheManagerReEvaluatesItAndTheAcceptedOneIsResolved(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        try (PublishedEvents events = new PublishedEvents(system, Topics.TRIAGE, Topics.DISPATCH)) {
            Complainant complainant = Complainant.registers(gateway, "上周买的电饭煲用了两次就不能加热了,要求换货。",
                    "3F 家电区", "EXCHANGE");
            String n = complainant.number();

            // dispatch: PRODUCT_QUALITY is routed to OPERATIONS (organisation data) and to exactly one handler
            JsonNode triaged = events.first(Topics.TRIAGE, n, "ComplaintTriaged").path("payload");
            assertThat(triaged.path("category").asString()).as("triaged: %s", triaged).isEqualTo("PRODUCT_QUALITY");
            JsonNode dispatched = events.dispatch(n);
            assertThat(dispatched.path("department").asString()).as("dispatched: %s", dispatched).isEqualTo("OPERATIONS");
            assertThat(dispatched.path("queued").asBoolean()).as("dispatched: %s", dispatched).isFalse();
            String department = dispatched.path("department").asString();
            String handlerId = dispatched.path("handler").asString();
            assertThat(handlerId).as("dispatched: %s", dispatched).isNotBlank();

            // the assigned handler signs in with their own id: only they (or their manager) work on it
            Staff handler = Staff.of(gateway, handlerId, department, Roles.HANDLER);
            JsonNode assigned = eventuallyInStatus("the department's case", () -> handler.get(dispatchCase(n)), "DISPATCHED");
            assertThat(assigned.path("handler").asString()).isEqualTo(handlerId);
            Staff colleague = Staff.of(gateway, "not-" + handlerId, department, Roles.HANDLER);
            assertThat(colleague.recordsInvestigation(n, "看一下", "营运部").status())
                    .as("a handler the complaint is not assigned to").isEqualTo(403);
            conflict(Staff.of(gateway, "eng-h1", "ENGINEERING", Roles.HANDLER).recordsInvestigation(n, "看一下", "工程部"),
                    "DISPATCHED", "a handler of another department");

            // investigation → INVESTIGATING; the handler's proposal → SOLUTION_PROPOSED at the handler's level
            JsonNode investigating = ok(handler.recordsInvestigation(n, "出厂温控器缺陷,导购出售前未检查", "家电专柜"),
                    "investigation");
            assertThat(investigating.path("status").asString()).isEqualTo("INVESTIGATING");
            assertThat(investigating.path("investigation").path("by").asString()).isEqualTo(handlerId);
            JsonNode proposed = ok(handler.proposesSolution(n, item("REPLACEMENT", "更换同型号新电饭煲")), "first solution");
            assertThat(proposed.path("status").asString()).isEqualTo("SOLUTION_PROPOSED");
            assertThat(proposed.path("solution").path("level").asString()).isEqualTo("HANDLER");
            conflict(handler.resolves(n, "已换货"), "SOLUTION_PROPOSED", "resolving before the complainant accepted");
            eventuallyInStatus("the complainant's status", complainant::status, "SOLUTION_PROPOSED");

            // the complainant rejects it: an appeal, re-evaluated one level up
            JsonNode rejected = ok(complainant.rejectsSolution("换货不能解决问题,同型号质量不可靠,我要退款。"), "rejection");
            assertThat(rejected.path("status").asString()).isEqualTo("APPEALED");
            assertThat(rejected.path("decision").asString()).isEqualTo("REJECTED");
            assertThat(rejected.path("nextStep").asString()).contains("department manager");
            JsonNode appeal = events.first(Topics.DISPATCH, n, "SolutionRejected").path("payload");
            assertThat(appeal.path("appealLevel").asString()).as("SolutionRejected: %s", appeal).isEqualTo("DEPARTMENT_MANAGER");
            assertThat(appeal.path("reason").asString()).contains("我要退款");
            JsonNode appealed = ok(handler.get(dispatchCase(n)), "the department's case");
            assertThat(appealed.path("status").asString()).isEqualTo("APPEALED");
            assertThat(appealed.path("appealLevel").asString()).isEqualTo("DEPARTMENT_MANAGER");
            assertThat(appealed.path("appealCount").asInt()).isEqualTo(1);
            eventuallyInStatus("the complainant's status", complainant::status, "APPEALED");
            conflict(handler.proposesSolution(n, item("REPLACEMENT", "再换一台")), "APPEALED",
                    "the handler proposing again after the appeal");

            // the department manager re-evaluates: looks again and proposes a new solution at the manager's level
            String managerId = handler.managerOf(department);
            assertThat(managerId).isNotBlank().isNotEqualTo(handlerId);
            Staff manager = Staff.of(gateway, managerId, department, Roles.DEPARTMENT_MANAGER);
            JsonNode reviewed = ok(manager.recordsInvestigation(n, "复核:同批次产品存在温控缺陷,换货不能消除顾虑", "家电专柜"),
                    "the manager's review");
            assertThat(reviewed.path("status").asString()).as("a review does not end the appeal").isEqualTo("APPEALED");
            JsonNode reEvaluated = ok(manager.proposesSolution(n, "同批次存在温控缺陷,换货不能消除您的顾虑,故改为全额退款",
                    item("REFUND", "全额退款", 398.00), item("APOLOGY", "部门经理当面致歉")), "the manager's solution");
            assertThat(reEvaluated.path("status").asString()).isEqualTo("SOLUTION_PROPOSED");
            assertThat(reEvaluated.path("solution").path("level").asString()).isEqualTo("DEPARTMENT_MANAGER");
            JsonNode secondProposal = events.nth(Topics.DISPATCH, n, "SolutionProposed", 2);
            assertThat(secondProposal.path("proposedAt").asString()).as("%s", secondProposal).isEqualTo("DEPARTMENT_MANAGER");
            assertThat(secondProposal.path("by").asString()).as("%s", secondProposal).isEqualTo(managerId);
            eventuallyInStatus("the complainant's status", complainant::status, "SOLUTION_PROPOSED");

            // accepted → IN_PROGRESS (once only) → resolved by the handler → RESOLVED
            JsonNode accepted = ok(complainant.acceptsSolution("同意退款"), "acceptance");
            assertThat(accepted.path("status").asString()).isEqualTo("IN_PROGRESS");
            conflict(complainant.acceptsSolution("再次同意"), "IN_PROGRESS", "accepting the solution twice");
            assertThat(ok(handler.get(dispatchCase(n)), "the department's case").path("status").asString())
                    .isEqualTo("IN_PROGRESS");
            JsonNode resolved = ok(handler.resolves(n, "已全额退款 398 元,部门经理已当面致歉"), "resolution");
            assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
            JsonNode resolvedEvent = events.first(Topics.DISPATCH, n, "ComplaintResolved").path("payload");
            assertThat(resolvedEvent.path("department").asString()).isEqualTo(department);
            assertThat(resolvedEvent.path("handler").asString()).isEqualTo(handlerId);
            assertThat(resolvedEvent.path("by").asString()).isEqualTo(handlerId);

            // every step on the department's topic, in order
            assertThat(events.types(Topics.DISPATCH, n)).containsSubsequence("ComplaintDispatched", "InvestigationRecorded",
                    "SolutionProposed", "SolutionRejected", "InvestigationRecorded", "SolutionProposed", "SolutionAccepted",
                    "ComplaintResolved");
            eventuallyInStatus("the complainant's status", complainant::status, "RESOLVED");

            // the complainant was told each decision with its reason, and the result; no staff names
            JsonNode told = ok(complainant.solution(), "the complainant's view of the solution");
            assertThat(told.path("status").asString()).isEqualTo("RESOLVED");
            assertThat(told.path("solution").path("decidedBy").asString()).isEqualTo("the department manager");
            assertThat(told.path("solution").path("explanation").asString()).contains("全额退款");
            List<String> decisions = new ArrayList<>();
            told.path("decisions").forEach(d -> decisions.add(d.path("decision").asString()));
            assertThat(decisions).containsExactly("SOLUTION_PROPOSED", "APPEALED", "RE_EVALUATED", "ACCEPTED", "RESOLVED");
            told.path("decisions").forEach(d -> assertThat(d.path("reason").asString()).as("decision %s", d).isNotBlank());
            assertThat(told.path("decisions").get(1).path("reason").asString()).contains("我要退款");
            assertThat(told.path("resolution").path("summary").asString()).contains("398");
            assertThat(told.toString()).doesNotContain(handlerId).doesNotContain(managerId);

            // the ledger shows the whole timeline, with the appeal
            Staff desk = Staff.serviceDesk(gateway);
            JsonNode ledger = eventually("the ledger", () -> desk.get(Staff.ledger(n)), entry -> {
                assertThat(entry.path("status").asString()).isEqualTo("RESOLVED");
                assertThat(timeline(entry)).contains("ComplaintResolved");
            });
            assertThat(ledger.path("department").asString()).isEqualTo(department);
            assertThat(ledger.path("handler").asString()).isEqualTo(handlerId);
            assertThat(ledger.path("appealCount").asInt()).isEqualTo(1);
            assertThat(ledger.path("cause").asString()).startsWith("复核");
            assertThat(ledger.path("solutions").toString()).contains("REFUND").contains("398");
            assertThat(timeline(ledger)).containsSubsequence("ComplaintReceived", "ComplaintAccepted", "ComplaintTriaged",
                    "ComplaintDispatched", "InvestigationRecorded", "SolutionProposed", "SolutionRejected",
                    "InvestigationRecorded", "SolutionProposed", "SolutionAccepted", "ComplaintResolved");
        }
    }

    @Test
    void givenTheManagersSolutionIsRejectedToo_whenTheComplainantAppealsAgain_thenHeadquartersReEvaluatesIt(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        try (PublishedEvents events = new PublishedEvents(system, Topics.DISPATCH, Topics.SLA)) {
            Complainant complainant = Complainant.registers(gateway, "新买的羽绒服穿了一天就开线跑绒,要求退货退款。",
                    "4F 服装区", "REFUND");
            String n = complainant.number();
            JsonNode dispatched = events.dispatch(n);
            String department = dispatched.path("department").asString();
            Staff handler = Staff.of(gateway, dispatched.path("handler").asString(), department, Roles.HANDLER);
            Staff manager = Staff.of(gateway, handler.managerOf(department), department, Roles.DEPARTMENT_MANAGER);
            eventuallyInStatus("the department's case", () -> handler.get(dispatchCase(n)), "DISPATCHED");
            ok(handler.recordsInvestigation(n, "面料缝线工艺缺陷", "服装专柜"), "investigation");
            ok(handler.proposesOnSiteSolution(n, item("REPAIR", "上门取件并修补开线处")), "the handler's on-site solution");
            ok(complainant.rejectsSolution("修补不能解决跑绒"), "the first rejection");
            // SPEC §3.10: the 24-hour on-site clock belongs to the rejected solution and ends with it
            JsonNode onSiteStopped = onSiteClockStopped(events, n);
            assertThat(onSiteStopped.path("reason").asString()).as("%s", onSiteStopped).isEqualTo("SOLUTION_REJECTED");
            assertThat(onSiteStopped.path("breached").asBoolean()).isFalse();
            ok(manager.proposesSolution(n, item("REPLACEMENT", "换一件新的")), "the manager's solution");

            // rejected at the manager's level too: the next level up is headquarters (SPEC §3.11)
            JsonNode again = ok(complainant.rejectsSolution("同款质量都有问题,我只要退款"), "the second rejection");
            assertThat(again.path("nextStep").asString()).contains("headquarters");
            JsonNode secondAppeal = events.nth(Topics.DISPATCH, n, "SolutionRejected", 2);
            assertThat(secondAppeal.path("appealLevel").asString()).as("%s", secondAppeal).isEqualTo("HQ");
            JsonNode appealed = ok(manager.get(dispatchCase(n)), "the department's case");
            assertThat(appealed.path("appealLevel").asString()).isEqualTo("HQ");
            assertThat(appealed.path("appealCount").asInt()).isEqualTo(2);
            conflict(manager.proposesSolution(n, item("REPLACEMENT", "换两件")), "APPEALED",
                    "the manager proposing after the appeal to headquarters");

            String hqId = ok(manager.get("/api/v1/organisation/settings"), "organisation settings").path("hq").asString();
            Staff hq = Staff.of(gateway, hqId, "HQ", Roles.HQ_ANALYST);
            JsonNode decided = ok(hq.proposesSolution(n, item("REFUND", "全额退款", 699.00)), "headquarters' solution");
            assertThat(decided.path("solution").path("level").asString()).isEqualTo("HQ");
            assertThat(decided.path("solution").path("by").asString()).isEqualTo(hqId);
            assertThat(ok(complainant.acceptsSolution("接受退款"), "acceptance").path("status").asString())
                    .isEqualTo("IN_PROGRESS");
            assertThat(events.nth(Topics.DISPATCH, n, "SolutionProposed", 3).path("proposedAt").asString()).isEqualTo("HQ");
            Staff desk = Staff.serviceDesk(gateway);
            JsonNode ledger = eventuallyInStatus("the ledger", () -> desk.get(Staff.ledger(n)), "IN_PROGRESS");
            assertThat(ledger.path("appealCount").asInt()).isEqualTo(2);
            assertThat(ledger.path("deadlines").path("ON_SITE_ARRIVAL").path("state").asString()).as("%s", ledger)
                    .isEqualTo("STOPPED");
        }
    }

    private static JsonNode onSiteClockStopped(PublishedEvents events, String n) {
        for (int stops = 1; ; stops++) {
            JsonNode stopped = events.nth(Topics.SLA, n, "SlaClockStopped", stops);
            if ("ON_SITE_ARRIVAL".equals(stopped.path("clock").asString())) {
                return stopped;
            }
        }
    }

    static List<String> timeline(JsonNode ledgerEntry) {
        List<String> types = new ArrayList<>();
        ledgerEntry.path("timeline").forEach(e -> types.add(e.path("type").asString()));
        return types;
    }
}
