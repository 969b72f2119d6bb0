package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.http.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.complaintdesk.systemtests.Expect.conflict;
import static com.complaintdesk.systemtests.Expect.eventually;
import static com.complaintdesk.systemtests.Expect.eventuallyInStatus;
import static com.complaintdesk.systemtests.Expect.ok;
import static com.complaintdesk.systemtests.HandlingPathThroughGatewayTest.timeline;
import static com.complaintdesk.systemtests.Staff.dispatchCase;
import static com.complaintdesk.systemtests.Staff.followupCase;
import static com.complaintdesk.systemtests.Staff.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, SPEC §3 rules 14–16, through the gateway only: every resolved complaint is revisited; not satisfied → it
 * is REOPENED back to its department; satisfied → CLOSED; a MAJOR complaint stays open until its special report is
 * filed. On the real clock: recording a revisit does not wait for its due time (2 working days), so nothing sleeps.
 */
@ExtendWith(WholeSystem.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FollowupThroughGatewayTest {

    private static final ZoneId DESK_ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void givenAResolvedComplaint_whenTheRevisitIsNotSatisfied_thenItIsReopenedToTheSameDepartmentAndClosedOnceASecondRevisitSatisfies(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        Staff desk = Staff.serviceDesk(gateway);
        try (PublishedEvents events = new PublishedEvents(system, Topics.DISPATCH, Topics.FOLLOWUP)) {
            Complainant complainant = Complainant.registers(gateway, "3楼洗手间一直漏水,地面积水,异味很大,希望尽快修好。",
                    "3F 洗手间", "APOLOGY");
            String n = complainant.number();
            JsonNode dispatched = events.dispatch(n);
            String department = dispatched.path("department").asString();
            assertThat(department).as("dispatched: %s", dispatched).isEqualTo("ENGINEERING");
            Instant beforeResolution = Instant.now();
            handledToResolved(gateway, complainant, dispatched, "维修了漏水的水管并清理了地面");

            // resolved → a revisit is due within 2 working days, by the service desk (a consumer: phone or visit)
            JsonNode due = events.nth(Topics.FOLLOWUP, n, "RevisitDue", 1);
            assertThat(Instant.parse(due.path("dueAt").asString())).as("RevisitDue: %s", due)
                    .isAfter(beforeResolution.plus(Duration.ofDays(1)));
            assertThat(due.path("assignee").asString()).as("RevisitDue: %s", due).isEqualTo("SERVICE_DESK");
            JsonNode revisitDue = eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "REVISIT_DUE");
            assertThat(revisitDue.path("revisit").path("round").asInt()).isEqualTo(1);
            assertThat(revisitDue.path("overdue").asBoolean()).isFalse();
            // listed per assignee and due date (the desk's calendar day)
            String dueDay = Instant.parse(due.path("dueAt").asString()).atZone(DESK_ZONE).toLocalDate().toString();
            JsonNode listed = ok(desk.get("/api/v1/followup/revisits?assignee=SERVICE_DESK&dueFrom=" + dueDay + "&dueTo="
                    + dueDay + "&limit=500"), "revisits due on " + dueDay);
            List<String> listedIds = new ArrayList<>();
            listed.forEach(r -> listedIds.add(r.path("complaintId").asString()));
            assertThat(listedIds).contains(n);

            // the desk reaches the complainant, who is not satisfied: a bad rating needs its reason
            JsonNode noReason = Expect.status(desk.recordsRevisit(n, 2, null), 400, "a bad rating without a reason");
            assertThat(noReason.path("errors").toString()).as("%s", noReason).contains("\"field\":\"reason\"");
            JsonNode reopened = ok(desk.recordsRevisit(n, 2, "洗手间还在漏水"), "the first revisit");
            assertThat(reopened.path("status").asString()).isEqualTo("REOPENED");
            assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
            JsonNode reopenEvent = events.first(Topics.FOLLOWUP, n, "ComplaintReopened").path("payload");
            assertThat(reopenEvent.path("department").asString()).as("ComplaintReopened: %s", reopenEvent).isEqualTo(department);
            assertThat(reopenEvent.path("reason").asString()).contains("还在漏水");
            assertThat(events.first(Topics.FOLLOWUP, n, "RevisitDone").path("payload").path("satisfied").asBoolean()).isFalse();

            // REOPENED → back to DISPATCHED in the same department (dispatch publishes it again for the department)
            JsonNode redispatched = events.nth(Topics.DISPATCH, n, "ComplaintDispatched", 2);
            assertThat(redispatched.path("department").asString()).as("%s", redispatched).isEqualTo(department);
            assertThat(redispatched.path("reason").asString()).as("%s", redispatched).startsWith("reopened");
            assertThat(redispatched.path("kind").asString()).as("%s", redispatched).isEqualTo("REOPENED");
            assertThat(redispatched.path("handler").asString()).as("%s", redispatched).isNotBlank();
            JsonNode back = eventuallyInStatus("the department's case", () -> desk.get(dispatchCase(n)), "DISPATCHED");
            assertThat(back.path("reopenCount").asInt()).isEqualTo(1);
            assertThat(back.path("department").asString()).isEqualTo(department);
            eventuallyInStatus("the complainant's status", complainant::status, "DISPATCHED");
            eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "OPEN");

            // handled again and resolved → a second revisit; the complainant answers it, satisfied → CLOSED
            handledToResolved(gateway, complainant, redispatched, "更换了整段老化水管,连续观察三天无渗漏");
            events.nth(Topics.FOLLOWUP, n, "RevisitDue", 2);
            JsonNode secondRevisit = eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "REVISIT_DUE");
            assertThat(secondRevisit.path("revisit").path("round").asInt()).isEqualTo(2);
            JsonNode answer = ok(complainant.answersRevisit(5, null, "这次修好了,谢谢"), "the complainant's revisit answer");
            assertThat(answer.path("status").asString()).isEqualTo("CLOSED");
            assertThat(answer.path("satisfied").asBoolean()).isTrue();
            conflict(complainant.answersRevisit(4, null, "再答一次"), "CLOSED", "answering the revisit twice");
            assertThat(events.first(Topics.FOLLOWUP, n, "ComplaintClosed").path("payload").path("reason").asString())
                    .contains("satisfied");

            // closed everywhere: the department can no longer act, the complainant and the ledger see CLOSED
            eventuallyInStatus("the department's case", () -> desk.get(dispatchCase(n)), "CLOSED");
            Staff handler = Staff.of(gateway, redispatched.path("handler").asString(), department, Roles.HANDLER);
            conflict(handler.post(dispatchCase(n) + "/preventive-measures", Map.of("measure", "每周巡检")),
                    "CLOSED", "acting on a closed complaint");
            eventuallyInStatus("the complainant's status", complainant::status, "CLOSED");
            JsonNode ledger = closedInTheLedger(desk, n);
            assertThat(ledger.path("reopenCount").asInt()).isEqualTo(1);
            assertThat(ledger.path("revisits")).hasSize(2);
            assertThat(ledger.path("revisits").get(0).path("satisfied").asBoolean()).isFalse();
            assertThat(ledger.path("revisits").get(1).path("satisfied").asBoolean()).isTrue();
            ledger.path("revisits").forEach(r -> assertThat(r.path("onTime").asBoolean()).as("revisit %s", r).isTrue());
            assertThat(timeline(ledger)).containsSubsequence("ComplaintDispatched", "ComplaintResolved", "RevisitDue",
                    "RevisitDone", "ComplaintReopened", "ComplaintDispatched", "ComplaintResolved", "RevisitDue",
                    "RevisitDone", "ComplaintClosed");
        }
    }

    @Test
    void givenAMajorComplaint_whenItsRevisitIsSatisfied_thenItIsNotClosedUntilItsSpecialReportIsFiled(RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        Staff desk = Staff.serviceDesk(gateway);
        try (PublishedEvents events = new PublishedEvents(system, Topics.TRIAGE, Topics.DISPATCH, Topics.FOLLOWUP)) {
            // personal injury and the media: MAJOR by triage's default rules
            Complainant complainant = Complainant.registers(gateway,
                    "昨天在2楼扶梯上摔倒受伤,膝盖流血,去医院缝了针。你们再不给说法,我就找媒体曝光。", "2F 扶梯", "COMPENSATION");
            String n = complainant.number();
            JsonNode triaged = events.first(Topics.TRIAGE, n, "ComplaintTriaged").path("payload");
            assertThat(triaged.path("severity").asString()).as("triaged: %s", triaged).isEqualTo("MAJOR");
            assertThat(triaged.path("flags").toString()).as("triaged: %s", triaged).contains("PERSONAL_INJURY", "MEDIA");
            JsonNode dispatched = events.dispatch(n);
            String department = dispatched.path("department").asString();
            String managerId = desk.managerOf(department);
            // SPEC §3.8: major → the department manager supervises; media → nobody but PR gives interviews
            assertThat(dispatched.path("supervisor").asString()).as("dispatched: %s", dispatched).isEqualTo(managerId);
            assertThat(dispatched.path("noInterviews").asBoolean()).as("dispatched: %s", dispatched).isTrue();

            // the report analyses a handled complaint: not before it is resolved
            JsonNode known = eventually("the follow-up case", () -> desk.get(followupCase(n)),
                    c -> assertThat(c.path("specialReportRequired").asBoolean()).isTrue());
            assertThat(known.path("severity").asString()).isEqualTo("MAJOR");
            conflict(desk.filesSpecialReport(n), "OPEN", "a special report before the resolution");

            handledToResolved(gateway, complainant, dispatched, "已赔偿医药费并检修扶梯");
            eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "REVISIT_DUE");

            // satisfied at the revisit, but no special report yet: not closed
            JsonNode answer = ok(complainant.answersRevisit(5, null, "处理得很及时"), "the complainant's revisit answer");
            assertThat(answer.path("satisfied").asBoolean()).isTrue();
            assertThat(answer.path("status").asString()).as("%s", answer).isEqualTo("RESOLVED");
            JsonNode waiting = ok(desk.get(followupCase(n)), "the follow-up case");
            assertThat(waiting.path("status").asString()).isEqualTo("AWAITING_SPECIAL_REPORT");
            assertThat(Expect.absent(waiting.path("specialReportId"))).as("%s", waiting).isTrue();
            events.first(Topics.FOLLOWUP, n, "RevisitDone");
            assertThat(events.types(Topics.FOLLOWUP, n)).doesNotContain("ComplaintClosed");
            assertThat(ok(desk.get(dispatchCase(n)), "the department's case").path("status").asString()).isEqualTo("RESOLVED");
            JsonNode ledgerBefore = eventually("the ledger", () -> desk.get(Staff.ledger(n)),
                    e -> assertThat(e.path("revisits")).hasSize(1));
            assertThat(ledgerBefore.path("status").asString()).isEqualTo("RESOLVED");
            assertThat(ledgerBefore.path("specialReportFiled").asBoolean()).isFalse();

            // the department manager files the special report (专项报告) → CLOSED
            Gateway.Reply filed = Staff.of(gateway, managerId, department, Roles.DEPARTMENT_MANAGER).filesSpecialReport(n);
            JsonNode closed = Expect.status(filed, 201, "the special report");
            assertThat(filed.location()).endsWith("/api/v1/followup/special-reports/" + n);
            assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.path("specialReportId").asString()).isNotBlank();
            conflict(desk.filesSpecialReport(n), "CLOSED", "filing the special report twice");
            JsonNode report = ok(desk.get("/api/v1/followup/special-reports/" + n), "the special report");
            assertThat(report.path("cause").asString()).contains("急停");
            assertThat(report.path("filedBy").asString()).isEqualTo(managerId);
            events.first(Topics.FOLLOWUP, n, "ComplaintClosed");
            assertThat(events.types(Topics.FOLLOWUP, n)).containsSubsequence("RevisitDone", "SpecialReportFiled",
                    "ComplaintClosed");

            eventuallyInStatus("the department's case", () -> desk.get(dispatchCase(n)), "CLOSED");
            eventuallyInStatus("the complainant's status", complainant::status, "CLOSED");
            JsonNode ledger = closedInTheLedger(desk, n);
            assertThat(ledger.path("severity").asString()).isEqualTo("MAJOR");
            assertThat(ledger.path("specialReportFiled").asBoolean()).isTrue();
            assertThat(timeline(ledger)).containsSubsequence("ComplaintResolved", "RevisitDone", "SpecialReportFiled",
                    "ComplaintClosed");
        }
    }

    @Test
    void givenAComplaintReopenedTwice_thenItsManagerSupervisesIt_andAnUnreachableComplainantClosesItAfterThreeAttempts(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        Staff desk = Staff.serviceDesk(gateway);
        try (PublishedEvents events = new PublishedEvents(system, Topics.DISPATCH, Topics.FOLLOWUP)) {
            Complainant complainant = Complainant.registers(gateway, "地下停车场B2的照明灯坏了一大片,太黑了看不清车位。",
                    "B2 停车场", "APOLOGY");
            String n = complainant.number();
            JsonNode dispatched = events.dispatch(n);
            String department = dispatched.path("department").asString();
            String managerId = desk.managerOf(department);
            for (int reopen = 1; reopen <= 2; reopen++) {
                handledToResolved(gateway, complainant, dispatched, "更换了损坏的灯具");
                eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "REVISIT_DUE");
                assertThat(ok(desk.recordsRevisit(n, 1, "还是很黑"), "revisit " + reopen).path("reopenCount").asInt())
                        .isEqualTo(reopen);
                dispatched = events.nth(Topics.DISPATCH, n, "ComplaintDispatched", reopen + 1);
                eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "OPEN");
            }

            // the second reopen goes up the ladder (policy escalateFromReopen = 2): the manager supervises it
            JsonNode secondReopen = events.nth(Topics.FOLLOWUP, n, "ComplaintReopened", 2);
            assertThat(secondReopen.path("escalateTo").asString()).as("%s", secondReopen).isEqualTo("DEPARTMENT_MANAGER");
            assertThat(Expect.absent(events.nth(Topics.FOLLOWUP, n, "ComplaintReopened", 1).path("escalateTo"))).isTrue();
            JsonNode supervised = events.first(Topics.DISPATCH, n, "SupervisorAssigned").path("payload");
            assertThat(supervised.path("supervisor").asString()).as("%s", supervised).isEqualTo(managerId);
            JsonNode escalated = ok(desk.get(dispatchCase(n)), "the department's case");
            assertThat(escalated.path("supervisor").asString()).isEqualTo(managerId);
            assertThat(escalated.path("reopenCount").asInt()).isEqualTo(2);
            assertThat(escalated.path("department").asString()).isEqualTo(department);

            // resolved a third time; the complainant cannot be reached: after the policy's 3 attempts it closes
            handledToResolved(gateway, complainant, dispatched, "整体更换B2照明线路");
            JsonNode third = eventuallyInStatus("the follow-up case", () -> desk.get(followupCase(n)), "REVISIT_DUE");
            assertThat(third.path("maxAttempts").asInt()).isEqualTo(3);
            for (int attempt = 1; attempt <= 2; attempt++) {
                JsonNode stillDue = ok(desk.post("/api/v1/followup/revisits/" + n + "/attempts",
                        Map.of("reached", false, "comment", "无人接听")), "attempt " + attempt);
                assertThat(stillDue.path("status").asString()).isEqualTo("REVISIT_DUE");
                assertThat(stillDue.path("revisit").path("failedAttempts")).hasSize(attempt);
            }
            JsonNode unreachable = ok(desk.post("/api/v1/followup/revisits/" + n + "/attempts",
                    Map.of("reached", false, "comment", "关机")), "attempt 3");
            assertThat(unreachable.path("status").asString()).isEqualTo("CLOSED");
            assertThat(events.nth(Topics.FOLLOWUP, n, "RevisitAttemptFailed", 3).path("attempt").asInt()).isEqualTo(3);
            assertThat(events.first(Topics.FOLLOWUP, n, "ComplaintClosed").path("payload").path("reason").asString())
                    .contains("unreachable");
            eventuallyInStatus("the department's case", () -> desk.get(dispatchCase(n)), "CLOSED");
            JsonNode ledger = closedInTheLedger(desk, n);
            assertThat(ledger.path("reopenCount").asInt()).isEqualTo(2);
            assertThat(ledger.path("supervisor").asString()).isEqualTo(managerId);
            assertThat(ledger.path("revisits")).hasSize(3);
            assertThat(ledger.path("revisits").get(2).path("reached").asBoolean()).isFalse();
        }
    }

    /** CLOSED in the ledger, and no SLA clock of the complaint runs on (sla-service stops them; the ledger follows). */
    private static JsonNode closedInTheLedger(Staff desk, String n) {
        JsonNode ledger = eventually("the ledger", () -> desk.get(Staff.ledger(n)), entry -> {
            assertThat(entry.path("status").asString()).isEqualTo("CLOSED");
            assertThat(entry.path("deadlines")).isNotEmpty();
            entry.path("deadlines").forEach(d -> assertThat(d.path("state").asString()).as("clock %s", d)
                    .isIn("STOPPED", "BREACHED_STOPPED"));
        });
        assertThat(Expect.absent(ledger.path("nextDueAt"))).as("nextDueAt of %s", ledger).isTrue();
        assertThat(ledger.path("closedAt").asString()).isNotBlank();
        return ledger;
    }

    /** The department's part, kept short: investigation, a solution the complainant accepts, the resolution. */
    private static void handledToResolved(Gateway gateway, Complainant complainant, JsonNode dispatched, String summary) {
        String n = complainant.number();
        Staff handler = Staff.of(gateway, dispatched.path("handler").asString(), dispatched.path("department").asString(),
                Roles.HANDLER);
        eventually("the department's case", () -> handler.get(dispatchCase(n)),
                c -> assertThat(c.path("status").asString()).isIn("DISPATCHED", "INVESTIGATING"));
        ok(handler.recordsInvestigation(n, "设备老化,巡检未发现", "工程部"), "investigation");
        ok(handler.proposesSolution(n, item("REPAIR", "维修并检测"), item("APOLOGY", "书面致歉")), "solution");
        eventuallyInStatus("the complainant's status", complainant::status, "SOLUTION_PROPOSED");
        ok(complainant.acceptsSolution("同意"), "acceptance");
        JsonNode resolved = ok(handler.resolves(n, summary), "resolution");
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
    }
}
