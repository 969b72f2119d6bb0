package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.Eventually;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import com.complaintdesk.testsupport.Caller;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read rule all services share (README "Who sees what", kit {@code ComplaintAccess}) through reporting's HTTP API:
 * an HR complaint is HR's alone — ADMIN, HQ and the supervisor included — in the entry, the list, both exports and the
 * monthly report's actions; statistics count it without its words; a desk officer who is also a handler reads as a
 * handler. Each caller gets the same answer from the entry, the list and the exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest extends ReportingIntegrationTest {

    static final String DAY = "&from=2025-07-08&to=2025-07-08";

    final JsonMapper json = JsonMapper.builder().build();
    final String run = java.util.UUID.randomUUID().toString().substring(0, 6);
    final String hrCause = "主管言语骚扰-" + run;
    ComplaintStory engineering;
    ComplaintStory operations;
    ComplaintStory workplace;
    /** a workplace complaint that HR passed to engineering: still confidential, now engineering's */
    ComplaintStory workplaceAtEngineering;

    final Caller admin = new Caller("admin-1", "ADMIN", null);
    final Caller hq = new Caller("hq-1", "HQ_ANALYST", "HQ");
    final Caller hrManager = new Caller("hr-mgr", "DEPARTMENT_MANAGER", "HR");

    @BeforeAll
    void feed() {
        Instant start = Instant.parse("2025-07-08T02:00:00Z");
        engineering = new ComplaintStory("C-ENG-" + run, start).received(Channel.PHONE, ComplainantType.CONSUMER)
                .accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL).dispatched("ENGINEERING", "eng-1")
                .investigated("来料检验不严").preventive("加强来料检验").resolved();
        operations = new ComplaintStory("C-OPS-" + run, start).received(Channel.APP, ComplainantType.CONSUMER)
                .accepted().triaged("SERVICE_ATTITUDE", Severity.GENERAL).dispatched("OPERATIONS", "ops-1")
                .investigated("高峰排班不足").preventive("增加高峰排班").resolved();
        workplace = new ComplaintStory("C-HR-" + run, start).received(Channel.WALK_IN, ComplainantType.EMPLOYEE)
                .accepted().triaged("WORKPLACE", Severity.IMPORTANT).dispatched("HR", "hr-1")
                .investigated(hrCause).preventive("主管调岗").resolved();
        workplaceAtEngineering = new ComplaintStory("C-HRENG-" + run, start).received(Channel.WALK_IN, ComplainantType.CONSUMER)
                .accepted().triaged("WORKPLACE", Severity.GENERAL).dispatched("ENGINEERING", "eng-2");
        for (var s : all()) {
            publish(s);
        }
        Eventually.await(Duration.ofSeconds(30), () -> {
            for (var s : all()) {
                var r = http.get("/api/v1/ledger/" + s.number(), s == workplace ? hrManager
                        : s == workplaceAtEngineering ? new Caller("eng-h", "HANDLER", "ENGINEERING") : SUPERVISOR);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(json.readTree(r.body()).path("timeline").size()).isEqualTo(s.events().size());
            }
        });
    }

    List<ComplaintStory> all() {
        return List.of(engineering, operations, workplace, workplaceAtEngineering);
    }

    List<String> listed(Caller caller) {
        var r = http.get("/api/v1/ledger?size=200" + DAY, caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mine(json.readTree(r.body()).path("items"));
    }

    List<String> csvExported(Caller caller) {
        var r = http.getBytes("/api/v1/ledger/export?format=csv" + DAY, caller);
        assertThat(r.statusCode()).isEqualTo(200);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        return all().stream().map(ComplaintStory::number).filter(text::contains).toList();
    }

    List<String> xlsxExported(Caller caller) throws Exception {
        var r = http.getBytes("/api/v1/ledger/export?format=xlsx" + DAY, caller);
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            var sheet = wb.getSheetAt(0);
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                numbers.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
        }
        return numbers.stream().filter(n -> n.endsWith(run)).toList();
    }

    List<String> readable(Caller caller) {
        return all().stream().map(ComplaintStory::number)
                .filter(n -> http.get("/api/v1/ledger/" + n, caller).statusCode() == 200).toList();
    }

    List<String> mine(JsonNode items) {
        List<String> numbers = new ArrayList<>();
        items.forEach(i -> numbers.add(i.path("complaintNumber").asString()));
        return numbers.stream().filter(n -> n.endsWith(run)).toList();
    }

    /** Entry, list and both exports agree for the caller, and give exactly {@code expected}. */
    void sees(Caller caller, ComplaintStory... expected) throws Exception {
        String[] numbers = java.util.Arrays.stream(expected).map(ComplaintStory::number).toArray(String[]::new);
        assertThat(readable(caller)).as("entries read by " + caller).containsExactlyInAnyOrder(numbers);
        assertThat(listed(caller)).as("list for " + caller).containsExactlyInAnyOrder(numbers);
        assertThat(csvExported(caller)).as("CSV for " + caller).containsExactlyInAnyOrder(numbers);
        assertThat(xlsxExported(caller)).as("XLSX for " + caller).containsExactlyInAnyOrder(numbers);
    }

    @Test
    void an_admin_outside_hr_never_sees_an_hr_complaint_in_the_entry_the_list_or_the_exports() throws Exception {
        sees(admin, engineering, operations);
        sees(hq, engineering, operations);
        sees(SUPERVISOR, engineering, operations);
        sees(new Caller("admin-hr", "ADMIN", "HR"), engineering, operations, workplace, workplaceAtEngineering);
        sees(hrManager, workplace);
    }

    @Test
    void a_desk_officer_who_is_also_a_handler_reads_only_his_department() throws Exception {
        sees(new Caller("desk-h", "TRIAGE_OFFICER,HANDLER", "ENGINEERING"), engineering, workplaceAtEngineering);
        sees(new Caller("desk", "TRIAGE_OFFICER", "SERVICE_DESK"), engineering, operations);
    }

    @Test
    void a_manager_who_also_reads_across_departments_keeps_the_confidential_complaints_of_his_own_department()
            throws Exception {
        sees(new Caller("eng-mgr", "DEPARTMENT_MANAGER", "ENGINEERING"), engineering, workplaceAtEngineering);
        sees(new Caller("eng-mgr-admin", "DEPARTMENT_MANAGER,ADMIN", "ENGINEERING"),
                engineering, operations, workplaceAtEngineering);
        sees(new Caller("ops-mgr-sup", "DEPARTMENT_MANAGER,SUPERVISOR", "OPERATIONS"), engineering, operations);
    }

    List<String> actions(Caller caller) {
        var r = http.get("/api/v1/reports/monthly/2025-07", caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mine(json.readTree(r.body()).path("actions"));
    }

    @Test
    void the_monthly_reports_actions_name_only_complaints_the_reader_may_see_while_the_counts_stay_whole() {
        assertThat(actions(hq)).containsExactlyInAnyOrder(engineering.number(), operations.number());
        assertThat(actions(admin)).containsExactlyInAnyOrder(engineering.number(), operations.number());
        assertThat(actions(new Caller("eng-mgr", "DEPARTMENT_MANAGER", "ENGINEERING"))).containsExactly(engineering.number());
        assertThat(actions(hrManager)).containsExactly(workplace.number());

        var report = json.readTree(http.get("/api/v1/reports/monthly/2025-07", hq).body());
        assertThat(report.path("totals").path("counts").path("resolved").asLong()).isGreaterThanOrEqualTo(3);
        String csv = new String(http.getBytes("/api/v1/reports/monthly/2025-07?format=csv", hq).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(engineering.number()).doesNotContain(workplace.number()).doesNotContain("主管调岗");
    }

    @Test
    void statistics_count_an_hr_complaint_by_cause_without_its_words() {
        String body = http.get("/api/v1/statistics?from=2025-07-01&to=2025-07-31&by=cause", hq).body();
        JsonNode stats = json.readTree(body);
        List<String> keys = new ArrayList<>();
        stats.path("groups").forEach(g -> keys.add(g.path("key").asString()));
        assertThat(keys).contains("来料检验不严", "CONFIDENTIAL");
        assertThat(body).doesNotContain(hrCause);
        assertThat(http.get("/api/v1/reports/monthly/2025-07", hq).body()).doesNotContain(hrCause);
    }
}
