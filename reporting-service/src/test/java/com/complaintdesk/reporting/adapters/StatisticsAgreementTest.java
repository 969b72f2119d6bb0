package com.complaintdesk.reporting.adapters;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.Eventually;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import com.complaintdesk.testsupport.Caller;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "The numbers agree with the ledger": a known mix of complaints goes onto Kafka as the services would publish it,
 * and every SPEC §5 figure of March 2025 is checked against a hand-computed expectation (Asia/Shanghai days).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsAgreementTest extends ReportingIntegrationTest {

    final JsonMapper json = JsonMapper.builder().build();
    final String run = java.util.UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void feedTheMonth() {
        // A: phone consumer, product quality, engineering; resolved on time, revisited satisfied, closed
        var a = new ComplaintStory("C-A-" + run, Instant.parse("2025-03-03T02:00:00Z"))
                .received(Channel.PHONE, ComplainantType.CONSUMER).accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL)
                .dispatched("ENGINEERING", "eng-1").resolutionClock(Duration.ofDays(2)).investigated("质量缺陷")
                .preventive("加强到货检验").proposed().solutionAccepted().resolved().stopped("RESOLUTION", false)
                .revisited(true, true).closed();
        // B: web form, service attitude, operations; breached and escalated, appealed, resolved late,
        //    revisited late and not satisfied, reopened
        var b = new ComplaintStory("C-B-" + run, Instant.parse("2025-03-05T03:00:00Z"))
                .received(Channel.WEB_FORM, ComplainantType.CONSUMER).accepted().triaged("SERVICE_ATTITUDE", Severity.IMPORTANT)
                .dispatched("OPERATIONS", "ops-1").resolutionClock(Duration.ofHours(1)).after(Duration.ofHours(2))
                .breached("RESOLUTION", EscalationLevel.SERVICE_SUPERVISOR).escalated("RESOLUTION", EscalationLevel.SERVICE_SUPERVISOR)
                .proposed().appealed().proposed().solutionAccepted().resolved().revisited(false, false).reopened();
        // C: rejected; D: transferred (never classified → category UNKNOWN)
        var c = new ComplaintStory("C-C-" + run, Instant.parse("2025-03-10T04:00:00Z"))
                .received(Channel.PHONE, ComplainantType.MERCHANT).rejected();
        var d = new ComplaintStory("C-D-" + run, Instant.parse("2025-03-12T04:00:00Z"))
                .received(Channel.EMAIL, ComplainantType.CONSUMER).transferred();
        // E: triaged, then reclassified to billing/major; urged twice; a collective case; investigated, not resolved
        var e = new ComplaintStory("C-E-" + run, Instant.parse("2025-03-20T05:00:00Z"))
                .received(Channel.APP, ComplainantType.CONSUMER).accepted().triaged("PRODUCT_QUALITY", Severity.GENERAL)
                .collective("CC-" + run).reclassified("BILLING_REFUND", Severity.MAJOR).dispatched("FINANCE", "fin-1")
                .urged().urged().investigated("质量缺陷");
        // F: received and accepted in February (late evening Shanghai time), resolved in March without a clock
        var f = new ComplaintStory("C-F-" + run, Instant.parse("2025-02-27T12:00:00Z"))
                .received(Channel.WALK_IN, ComplainantType.ANCHOR_TENANT).accepted().triaged("FACILITY_ENVIRONMENT", Severity.IMPORTANT)
                .dispatched("ENGINEERING", "eng-2").after(Duration.ofDays(3)).resolved();
        for (var s : List.of(a, b, c, d, e, f)) {
            publish(s);
        }
        // wait until the last event of every story is in the ledger
        Map<String, Integer> sizes = Map.of(a.number(), a.events().size(), b.number(), b.events().size(),
                c.number(), c.events().size(), d.number(), d.events().size(), e.number(), e.events().size(),
                f.number(), f.events().size());
        Eventually.await(Duration.ofSeconds(60), () -> sizes.forEach((n, size) -> {
            var r = http.get("/api/v1/ledger/" + n, ADMIN);
            assertThat(r.statusCode()).as(n).isEqualTo(200);
            assertThat(json.readTree(r.body()).path("timeline").size()).as(n).isEqualTo(size);
        }));
    }

    JsonNode stats(String query) {
        var r = http.get("/api/v1/statistics" + query, SUPERVISOR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    static JsonNode group(JsonNode stats, String key) {
        for (JsonNode g : stats.path("groups")) {
            if (g.path("key").asString().equals(key)) {
                return g.path("figures");
            }
        }
        throw new AssertionError("no group " + key + " in " + stats.path("groups"));
    }

    @Test
    void every_march_figure_matches_the_hand_computed_expectation() {
        JsonNode t = stats("?from=2025-03-01&to=2025-03-31").path("totals");
        Map<String, Long> expected = new HashMap<>();
        expected.put("received", 5L);      // A B C D E (F was received in February)
        expected.put("accepted", 3L);      // A B E
        expected.put("rejected", 1L);      // C
        expected.put("transferred", 1L);   // D
        expected.put("dispatched", 3L);    // A B E
        expected.put("resolved", 3L);      // A B F
        expected.put("resolvedOnTime", 2L); // A F (B breached)
        expected.put("revisited", 2L);     // A B
        expected.put("revisitedOnTime", 1L);
        expected.put("satisfied", 1L);
        expected.put("reopened", 1L);
        expected.put("closed", 1L);
        expected.put("appeals", 1L);
        expected.put("urges", 2L);
        expected.put("slaBreaches", 1L);
        expected.put("slaBreaches.level.SERVICE_SUPERVISOR", 1L);
        expected.put("slaBreaches.clock.RESOLUTION", 1L);
        expected.put("escalations", 1L);
        expected.put("escalations.level.SERVICE_SUPERVISOR", 1L);
        expected.put("collectiveCases", 1L);
        expected.put("investigated", 2L);
        expected.put("preventiveMeasures", 1L);
        expected.forEach((k, v) -> assertThat(t.path("counts").path(k).asLong(-1)).as(k).isEqualTo(v));

        JsonNode rates = t.path("rates");
        assertThat(rates.path("handlingRate").asDouble()).isEqualTo(1.0);          // 3 / 3
        assertThat(rates.path("timelinessRate").asDouble()).isCloseTo(0.6667, within(1e-4)); // 2 / 3
        assertThat(rates.path("revisitRate").asDouble()).isCloseTo(0.6667, within(1e-4));    // 2 / 3
        assertThat(rates.path("revisitOnTimeRate").asDouble()).isEqualTo(0.5);     // 1 / 2
        assertThat(rates.path("satisfactionRate").asDouble()).isEqualTo(0.5);      // 1 / 2
        assertThat(rates.path("reopenRate").asDouble()).isCloseTo(0.3333, within(1e-4));     // 1 / 3
    }

    @Test
    void february_counts_f_on_its_shanghai_day_and_a_partial_range_reads_the_daily_counters() {
        JsonNode feb = stats("?from=2025-02-01&to=2025-02-28").path("totals").path("counts");
        assertThat(feb.path("received").asLong()).isEqualTo(1);   // F, 2025-02-27 20:00 Shanghai
        assertThat(feb.path("resolved").asLong()).isZero();
        JsonNode firstWeek = stats("?from=2025-03-01&to=2025-03-07").path("totals").path("counts");
        assertThat(firstWeek.path("received").asLong()).isEqualTo(2); // A (03-03), B (03-05)
        assertThat(firstWeek.path("resolved").asLong()).isEqualTo(3); // F (03-02), A (03-03), B (03-05)
    }

    @Test
    void breakdowns_follow_the_current_classification_and_agree_with_the_ledger_query() {
        JsonNode byCategory = stats("?from=2025-03-01&to=2025-03-31&by=category");
        Map<String, Long> received = new HashMap<>();
        byCategory.path("groups").forEach(g -> received.put(g.path("key").asString(), g.path("figures").path("counts").path("received").asLong()));
        // E was reclassified from PRODUCT_QUALITY to BILLING_REFUND: it counts only under its current category
        assertThat(received).containsEntry("PRODUCT_QUALITY", 1L).containsEntry("BILLING_REFUND", 1L)
                .containsEntry("SERVICE_ATTITUDE", 1L).containsEntry("UNKNOWN", 2L);
        JsonNode major = group(stats("?from=2025-03-01&to=2025-03-31&by=severity"), "MAJOR");
        assertThat(major.path("counts").path("received").asLong()).isEqualTo(1); // E after its reclassification
        JsonNode engineering = group(stats("?from=2025-03-01&to=2025-03-31&by=department"), "ENGINEERING");
        assertThat(engineering.path("counts").path("resolved").asLong()).isEqualTo(2); // A F
        assertThat(engineering.path("rates").path("timelinessRate").asDouble()).isEqualTo(1.0);
        JsonNode operations = group(stats("?from=2025-03-01&to=2025-03-31&by=department"), "OPERATIONS");
        assertThat(operations.path("rates").path("timelinessRate").asDouble()).isEqualTo(0.0); // B late
        assertThat(operations.path("counts").path("appeals").asLong()).isEqualTo(1);
        JsonNode causes = stats("?from=2025-03-01&to=2025-03-31&by=cause");
        assertThat(causes.path("groups").get(0).path("key").asString()).isEqualTo("质量缺陷");
        assertThat(causes.path("groups").get(0).path("figures").path("counts").path("investigated").asLong()).isEqualTo(2);

        // the ledger query over the same received dates lists exactly the complaints counted as received
        var ledger = json.readTree(http.get("/api/v1/ledger?from=2025-03-01&to=2025-03-31&size=200", ADMIN).body());
        long mine = 0;
        for (JsonNode row : ledger.path("items")) {
            if (row.path("complaintNumber").asString().endsWith(run)) {
                mine++;
            }
        }
        assertThat(mine).isEqualTo(5);
        var billing = json.readTree(http.get("/api/v1/ledger?category=BILLING_REFUND&from=2025-03-01&to=2025-03-31", ADMIN).body());
        assertThat(billing.path("items").get(0).path("complaintNumber").asString()).isEqualTo("C-E-" + run);
    }

    @Test
    void the_monthly_report_carries_the_same_figures_in_json_csv_and_an_xlsx_with_charts() throws Exception {
        var jsonReport = http.get("/api/v1/reports/monthly/2025-03", SUPERVISOR);
        assertThat(jsonReport.statusCode()).isEqualTo(200);
        JsonNode report = json.readTree(jsonReport.body());
        assertThat(report.path("totals").path("counts").path("received").asLong()).isEqualTo(5);
        assertThat(report.path("topCauses").get(0).path("cause").asString()).isEqualTo("质量缺陷");
        assertThat(report.path("slaBreachesByLevel").path("SERVICE_SUPERVISOR").asLong()).isEqualTo(1);
        assertThat(report.path("daily").size()).isEqualTo(31);
        assertThat(report.path("daily").get(2).path("received").asLong()).isEqualTo(1); // 03-03: A
        assertThat(report.path("actions").get(0).path("measures").get(0).asString()).isEqualTo("加强到货检验");
        assertThat(report.path("definitions").path("timelinessRate").asString()).contains("及时率");

        var csv = http.getBytes("/api/v1/reports/monthly/2025-03?format=csv", SUPERVISOR);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("登记投诉 Received,5,").contains("及时率 Timeliness rate,66.67,%");

        var xlsx = http.getBytes("/api/v1/reports/monthly/2025-03?format=xlsx", SUPERVISOR);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("2025-03");
            XSSFSheet byCategory = wb.getSheet("按分类 By category");
            assertThat(byCategory.getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("每日 Daily").getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("及时率 Timeliness").getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("汇总 Summary").getRow(4).getCell(1).getNumericCellValue()).isEqualTo(5.0);
        }
    }

    @Test
    void bad_statistics_requests_are_problems_not_errors() {
        assertThat(http.get("/api/v1/statistics?from=2025-03-31&to=2025-03-01", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/statistics?from=2025-03-01&to=2025-03-31&by=colour", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/statistics?from=yesterday&to=2025-03-31", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/reports/monthly/2025-13", SUPERVISOR).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/statistics?from=2025-03-01&to=2025-03-31", new Caller("h", "HANDLER", "ENGINEERING")).statusCode()).isEqualTo(403);
    }
}
