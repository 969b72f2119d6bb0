package com.complaintdesk.reporting.adapters;

import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 6: "exact definitions written in the API docs" — the OpenAPI document the gateway shows. */
class ApiDocumentationTest extends ReportingIntegrationTest {

    @Test
    void the_statistics_and_monthly_report_operations_carry_the_definition_of_every_figure() {
        var r = http.get("/v3/api-docs", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(r.body()).path("paths");

        for (String path : new String[]{"/api/v1/statistics", "/api/v1/statistics/monthly/{month}", "/api/v1/reports/monthly/{month}"}) {
            String description = paths.path(path).path("get").path("description").asString();
            assertThat(description).as(path).contains("Asia/Shanghai").contains("`UNKNOWN`");
            Figures.definitions().forEach((figure, definition) ->
                    assertThat(description).as("%s documents %s", path, figure).contains("`" + figure + "`")
                            .contains(definition.replace("|", "\\|")));
        }
        assertThat(paths.path("/api/v1/statistics").path("get").path("summary").asString()).contains("SPEC §5");
    }
}
