package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.application.MonthlyReportService;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.Eventually;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.reporting.support.TestClockConfiguration;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAndAccessTest extends ReportingIntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();
    final String run = java.util.UUID.randomUUID().toString().substring(0, 6);
    ComplaintStory engineering;
    ComplaintStory operations;
    ComplaintStory workplace;

    @Autowired
    MonthlyReportService monthly;
    @Autowired
    com.complaintdesk.reporting.application.OverdueReportService overdueReports;

    @BeforeAll
    void feed() {
        Instant start = Instant.parse("2026-01-12T02:00:00Z");
        engineering = new ComplaintStory("C-ENG-" + run, start).received(Channel.PHONE, ComplainantType.CONSUMER)
                .accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL).dispatched("ENGINEERING", "eng-1")
                .resolutionClock(Duration.ofHours(8));
        operations = new ComplaintStory("C-OPS-" + run, start).received(Channel.APP, ComplainantType.CONSUMER)
                .accepted().triaged("SERVICE_ATTITUDE", Severity.GENERAL).dispatched("OPERATIONS", "ops-1")
                .resolutionClock(Duration.ofDays(30));
        workplace = new ComplaintStory("C-HR-" + run, start).received(Channel.WALK_IN, ComplainantType.EMPLOYEE)
                .accepted().triaged("WORKPLACE", Severity.IMPORTANT).dispatched("HR", "hr-1");
        for (var s : List.of(engineering, operations, workplace)) {
            publish(s);
        }
        Eventually.await(Duration.ofSeconds(30), () -> {
            for (var s : List.of(engineering, operations, workplace)) {
                // an HR complaint is read by HR only (ADMIN is not HR)
                var r = http.get("/api/v1/ledger/" + s.number(), s == workplace ? new Caller("hr", "HANDLER", "HR") : ADMIN);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(json.readTree(r.body()).path("timeline").size()).isEqualTo(s.events().size());
            }
        });
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    List<String> listed(String query, Caller caller) {
        var r = http.get("/api/v1/ledger?size=200&from=2026-01-12&to=2026-01-12" + query, caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        json.readTree(r.body()).path("items").forEach(i -> numbers.add(i.path("complaintNumber").asString()));
        return numbers.stream().filter(n -> n.endsWith(run)).toList();
    }

    @Test
    void a_department_sees_its_own_complaints_and_workplace_complaints_only_reach_hr() {
        assertThat(listed("", new Caller("h1", "HANDLER", "ENGINEERING"))).containsExactly(engineering.number());
        assertThat(listed("", SUPERVISOR)).containsExactlyInAnyOrder(engineering.number(), operations.number());
        assertThat(listed("", new Caller("hr", "DEPARTMENT_MANAGER", "HR"))).containsExactly(workplace.number());
        assertThat(http.get("/api/v1/ledger/" + workplace.number(), SUPERVISOR).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/ledger/" + operations.number(), new Caller("h1", "HANDLER", "ENGINEERING")).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/ledger/" + workplace.number(), new Caller("hr", "HANDLER", "HR")).statusCode()).isEqualTo(200);
    }

    @Test
    void every_read_of_an_entry_is_in_the_audit_trail() {
        http.get("/api/v1/ledger/" + engineering.number(), new Caller("reader-" + run, "HANDLER", "ENGINEERING"));
        var audit = http.get("/api/v1/ledger/" + engineering.number() + "/audit", ADMIN);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("reader-" + run).contains("LEDGER_READ");
        assertThat(http.get("/api/v1/ledger/" + engineering.number() + "/audit", new Caller("h", "HANDLER", "ENGINEERING")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void filters_sorting_and_bad_query_values() {
        assertThat(listed("&department=OPERATIONS", SUPERVISOR)).containsExactly(operations.number());
        assertThat(listed("&channel=PHONE&status=DISPATCHED", SUPERVISOR)).containsExactly(engineering.number());
        assertThat(http.get("/api/v1/ledger?status=SLEEPING", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/ledger?sort=colour", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/ledger?size=100000", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/ledger?from=2026-02-01&to=2026-01-01", SUPERVISOR).statusCode()).isEqualTo(400);
    }

    @Test
    void past_its_deadline_a_complaint_is_in_the_overdue_filter_and_the_daily_overdue_report() {
        clock.set(Instant.parse("2026-01-12T12:00:00Z")); // engineering's 8h clock is due 10:0x
        assertThat(listed("&overdue=true", SUPERVISOR)).containsExactly(engineering.number());
        var report = json.readTree(http.get("/api/v1/reports/overdue", SUPERVISOR).body());
        List<String> overdue = new ArrayList<>();
        report.path("items").forEach(i -> overdue.add(i.path("complaintNumber").asString()));
        assertThat(overdue).contains(engineering.number()).doesNotContain(operations.number());
        JsonNode item = null;
        for (JsonNode i : report.path("items")) {
            if (i.path("complaintNumber").asString().equals(engineering.number())) {
                item = i;
            }
        }
        assertThat(item.path("lateClocks").get(0).path("clock").asString()).isEqualTo("RESOLUTION");
        assertThat(item.path("lateClocks").get(0).path("hoursOverdue").asLong()).isEqualTo(1);
        String csv = new String(http.getBytes("/api/v1/reports/overdue?format=csv", SUPERVISOR).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(engineering.number() + ",DISPATCHED,PRODUCT_QUALITY,GENERAL,ENGINEERING,eng-1,,RESOLUTION,");

        clock.set(Instant.parse("2026-01-12T09:00:00Z"));
        assertThat(listed("&overdue=true", SUPERVISOR)).isEmpty();
    }

    @Test
    void every_morning_the_days_overdue_report_is_produced_once_kept_and_read_within_each_readers_scope() throws Exception {
        clock.set(Instant.parse("2026-01-11T23:30:00Z")); // 07:30 Shanghai on the 12th: before the daily time
        assertThat(overdueReports.produceDueDaily()).isEmpty();
        assertThat(http.get("/api/v1/reports/overdue?date=2026-01-12", SUPERVISOR).statusCode()).isEqualTo(404);

        clock.set(Instant.parse("2026-01-12T12:00:00Z")); // 20:00 Shanghai: engineering's 8 h clock is past due
        overdueReports.produceDueDaily(); // (the scheduled check may have been first: either way it is kept once)
        assertThat(overdueReports.produceDueDaily()).as("once a day").isEmpty();

        clock.set(Instant.parse("2026-01-14T03:00:00Z")); // read two days later: the kept report, not a new one
        var kept = json.readTree(http.get("/api/v1/reports/overdue?date=2026-01-12", SUPERVISOR).body());
        assertThat(kept.path("date").asString()).isEqualTo("2026-01-12");
        List<String> numbers = new ArrayList<>();
        kept.path("items").forEach(i -> numbers.add(i.path("complaintNumber").asString()));
        assertThat(numbers).contains(engineering.number()).doesNotContain(operations.number());

        var otherDepartment = json.readTree(http.get("/api/v1/reports/overdue?date=2026-01-12",
                new Caller("ops", "DEPARTMENT_MANAGER", "OPERATIONS")).body());
        otherDepartment.path("items").forEach(i -> assertThat(i.path("department").asString()).isEqualTo("OPERATIONS"));
        assertThat(otherDepartment.path("byDepartment").has("ENGINEERING")).isFalse();

        var xlsx = http.getBytes("/api/v1/reports/overdue?date=2026-01-12&format=xlsx", SUPERVISOR);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2026-01-12").contains("超时");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).contains("投诉编号");
            List<String> rows = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                rows.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(rows).contains(engineering.number());
        }
        assertThat(http.get("/api/v1/reports/overdue?format=pdf", SUPERVISOR).statusCode()).isEqualTo(400);
    }

    @Test
    void the_ledger_exports_open_as_csv_and_xlsx_with_personal_data_masked() throws Exception {
        var csv = http.getBytes("/api/v1/ledger/export?format=csv&department=ENGINEERING&from=2026-01-12&to=2026-01-12", SUPERVISOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(engineering.number()).contains("张*").contains("138****8000")
                .doesNotContain("13800138000").doesNotContain(operations.number());

        var xlsx = http.getBytes("/api/v1/ledger/export?format=xlsx&from=2026-01-12&to=2026-01-12", SUPERVISOR);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            List<String> numbers = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                numbers.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(numbers).contains(engineering.number(), operations.number()).doesNotContain(workplace.number());
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("投诉编号");
        }
        assertThat(http.get("/api/v1/ledger/export?format=pdf", SUPERVISOR).statusCode()).isEqualTo(400);
    }

    @Test
    void after_month_end_the_previous_months_report_is_produced_once_and_published() {
        clock.set(Instant.parse("2026-01-31T12:00:00Z"));
        // before January is over only an earlier month can be due; January's report is still provisional
        monthly.produceDueReport().ifPresent(r -> assertThat(r.period()).isNotEqualTo("2026-01"));
        assertThat(monthly.report(YearMonth.of(2026, 1)).provisional()).isTrue();
        clock.set(Instant.parse("2026-02-01T03:00:00Z")); // 11:00 Shanghai on the 1st, past the grace period
        var produced = monthly.produceDueReport();
        assertThat(produced).isPresent();
        assertThat(produced.get().period()).isEqualTo("2026-01");
        assertThat(produced.get().provisional()).isFalse();
        assertThat(produced.get().totals().count("received")).isGreaterThanOrEqualTo(3);
        assertThat(monthly.produceDueReport()).as("produced once").isEmpty();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.REPORTING)) {
            probe.await(EventProbe.ofType("2026-01", "MonthlyReportPublished"), 1, Duration.ofSeconds(30));
        }
        assertThat(monthly.report(YearMonth.of(2026, 1)).generatedAt()).isEqualTo(Instant.parse("2026-02-01T03:00:00Z"));
    }

    @Test
    void a_rebuild_from_offset_zero_gives_back_the_same_ledger_and_statistics() {
        String before = http.get("/api/v1/ledger/" + engineering.number(), ADMIN).body();
        String statsBefore = http.get("/api/v1/statistics?from=2026-01-01&to=2026-01-31&by=department", SUPERVISOR).body();

        var started = http.post("/api/v1/ledger/rebuild", null, ADMIN);
        assertThat(started.statusCode()).isEqualTo(202);
        String statusUrl = json.readTree(started.body()).path("statusUrl").asString();
        Eventually.await(Duration.ofSeconds(90), () ->
                assertThat(json.readTree(http.get(statusUrl, ADMIN).body()).path("state").asString()).isEqualTo("DONE"));

        assertThat(json.readTree(http.get("/api/v1/ledger/" + engineering.number(), ADMIN).body()))
                .isEqualTo(json.readTree(before));
        assertThat(json.readTree(http.get("/api/v1/statistics?from=2026-01-01&to=2026-01-31&by=department", SUPERVISOR).body()))
                .isEqualTo(json.readTree(statsBefore));
        assertThat(http.post("/api/v1/ledger/rebuild", null, SUPERVISOR).statusCode()).isEqualTo(403);
    }
}
