package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.http.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.complaintdesk.systemtests.Expect.eventually;
import static com.complaintdesk.systemtests.Expect.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §3.20, §7 "HR complaints only HR" and README "Who sees what", end to end through the gateway: an employee's
 * workplace complaint (dispatched to HR, confidential) does not exist for staff outside HR — ADMIN, the supervisor,
 * HQ, the desk and another department's manager get 404 on intake's staff status, dispatch's case, the SLA clocks, the
 * follow-up case and the ledger entry, and it is absent from the ledger list and its CSV export — while HR staff
 * (HR's manager, an ADMIN of HR) read all of them. Triage runs before a department is known (README): it shows the
 * complaint to its readers with the text hidden outside HR. Statistics count it for every reader.
 */
@ExtendWith(WholeSystem.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class HrComplaintsThroughGatewayTest {

    private static final ZoneId DESK_ZONE = ZoneId.of("Asia/Shanghai");
    /** Words of the complaint only HR may read. */
    private static final String WORDS = "排班不公平";

    /** The reads of one complaint that HR's complaint is hidden from outside HR: name → path. */
    static Map<String, String> reads(String n) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("intake staff status", "/api/v1/complaints/" + n + "/status");
        reads.put("dispatch case", Staff.dispatchCase(n));
        reads.put("sla clocks", "/api/v1/sla/complaints/" + n + "/clocks");
        reads.put("follow-up case", Staff.followupCase(n));
        reads.put("ledger entry", Staff.ledger(n));
        return reads;
    }

    static String triage(String n) {
        return "/api/v1/triage/complaints/" + n;
    }

    @Test
    void givenAnEmployeesWorkplaceComplaint_whenStaffReadIt_thenOnlyHrSeesItAnywhereAndStatisticsStillCountIt(
            RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());
        LocalDate today = LocalDate.now(DESK_ZONE);
        String days = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        String ledgerList = "/api/v1/ledger?complainantType=EMPLOYEE&size=50&" + days;
        String ledgerCsv = "/api/v1/ledger/export?format=csv&complainantType=EMPLOYEE&" + days;
        String statistics = "/api/v1/statistics?by=complainantType&" + days;

        List<Staff> hr = List.of(Staff.of(gateway, "hr-mgr-wu", "HR", Roles.DEPARTMENT_MANAGER),
                Staff.of(gateway, "hr-admin", "HR", Roles.ADMIN));
        List<Staff> outsideHr = List.of(Staff.of(gateway, "admin-hq", "HQ", Roles.ADMIN),
                Staff.of(gateway, "sup-desk", "SERVICE_DESK", Roles.SUPERVISOR),
                Staff.of(gateway, "hq-analyst", "HQ", Roles.HQ_ANALYST),
                Staff.serviceDesk(gateway),
                Staff.of(gateway, "ops-mgr", "OPERATIONS", Roles.DEPARTMENT_MANAGER));
        Staff supervisor = outsideHr.get(1);
        long employeesBefore = received(ok(supervisor.get(statistics), "statistics before"), "EMPLOYEE");

        try (PublishedEvents events = new PublishedEvents(system, Topics.DISPATCH)) {
            Complainant employee = Complainant.registers(gateway, "EMPLOYEE",
                    "我的主管长期针对我," + WORDS + ",同事也被区别对待,希望人力资源部调查处理。", "2F 员工休息区", "APOLOGY");
            String n = employee.number();
            JsonNode dispatched = events.dispatch(n);
            assertThat(dispatched.path("department").asString()).as("dispatched: %s", dispatched).isEqualTo("HR");
            assertThat(dispatched.path("confidential").asBoolean()).as("dispatched: %s", dispatched).isTrue();

            // HR staff read it everywhere, once each read model has it (so a 404 below means hidden, not not-yet-there)
            for (Staff reader : hr) {
                readsEverywhere(reader, n, ledgerList, ledgerCsv);
                eventually("ledger entry for " + reader.userId(), () -> reader.get(Staff.ledger(n)),
                        body -> assertThat(body.path("department").asString()).isEqualTo("HR"));
                assertThat(ok(reader.get(triage(n)), "triage for " + reader.userId()).path("content").asString())
                        .contains(WORDS);
            }
            // the same callers outside HR read a consumer's complaint on the same paths: their 404s below are HR's rule
            Complainant consumer = Complainant.registers(gateway, "上周在二楼买的电动牙刷充不进电,无法使用,质量太差。",
                    "2F 个护区", "APOLOGY");
            assertThat(events.dispatch(consumer.number()).path("department").asString()).isEqualTo("OPERATIONS");
            String consumersList = "/api/v1/ledger?size=50&" + days;
            String consumersCsv = "/api/v1/ledger/export?format=csv&" + days;
            for (Staff reader : outsideHr) {
                readsEverywhere(reader, consumer.number(), consumersList, consumersCsv);
            }

            // outside HR it does not exist: 404 problem+json on every detail, absent from the list and the export
            List<String> findings = new ArrayList<>();
            for (Staff reader : outsideHr) {
                reads(n).forEach((what, path) -> {
                    Gateway.Reply reply = reader.get(path);
                    if (reply.status() != 404 || !reply.contentType().startsWith("application/problem+json")) {
                        findings.add(what + " for " + reader.userId() + ": " + reply);
                    }
                });
                Gateway.Reply list = reader.get(ledgerList);
                if (list.status() == 200 && listed(list.json()).contains(n)) {
                    findings.add("ledger list for " + reader.userId() + " lists " + n);
                }
                Gateway.Reply csv = reader.get(ledgerCsv);
                if (csv.status() == 200 && csv.body().contains(n)) {
                    findings.add("ledger CSV for " + reader.userId() + " has " + n);
                }
                // triage cannot know the department yet: its readers see the complaint, never its words
                Gateway.Reply triaged = reader.get(triage(n));
                if (triaged.status() == 200 && triaged.body().contains(WORDS)) {
                    findings.add("triage for " + reader.userId() + " shows the words of " + n);
                }
            }
            assertThat(findings).as("HR's complaint %s seen outside HR", n).isEmpty();

            // a count is not a complaint: the supervisor's statistics count it
            eventually("statistics counting the employee's complaint", () -> supervisor.get(statistics),
                    body -> assertThat(received(body, "EMPLOYEE")).isGreaterThan(employeesBefore));
        }
    }

    /** {@code reader} reads complaint {@code n} on every read (eventually), and finds it in the ledger list and CSV. */
    static void readsEverywhere(Staff reader, String n, String ledgerList, String ledgerCsv) {
        reads(n).forEach((what, path) -> eventually(what + " of " + n + " for " + reader.userId(), () -> reader.get(path),
                body -> assertThat(body.toString()).contains(n)));
        assertThat(listed(ok(reader.get(ledgerList), "ledger list"))).as(reader.userId()).contains(n);
        Gateway.Reply csv = reader.get(ledgerCsv);
        assertThat(csv.status()).as("ledger CSV for %s: %s", reader.userId(), csv).isEqualTo(200);
        assertThat(csv.body()).as(reader.userId()).contains(n);
    }

    /** The complaint numbers on a ledger page. */
    static List<String> listed(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.path("items").forEach(row -> numbers.add(row.path("complaintNumber").asString()));
        return numbers;
    }

    /** The received count of one group of the statistics (0 when the group is not there yet). */
    static long received(JsonNode statistics, String group) {
        for (JsonNode g : statistics.path("groups")) {
            if (group.equals(g.path("key").asString())) {
                return g.path("figures").path("counts").path("received").asLong();
            }
        }
        return 0;
    }
}
