package com.complaintdesk.reporting.adapters.web;

import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.statistics.domain.Figures;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The exact definition of every SPEC §5 figure in the OpenAPI document (the gateway shows it under
 * {@code /api-docs/reporting}), written from {@link Figures#definitions()} — the same text every statistics answer
 * carries — so the documentation cannot drift from what is counted.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    /** The operations whose answers are made of the SPEC §5 figures. */
    static final List<String> FIGURE_PATHS = List.of("/api/v1/statistics", "/api/v1/statistics/monthly/{month}",
            "/api/v1/reports/monthly/{month}");

    @Bean
    OpenApiCustomizer figureDefinitions(ReportingProperties properties) {
        String table = definitionsTable(properties);
        return api -> {
            if (api.getInfo() == null) {
                api.setInfo(new Info());
            }
            api.getInfo().title("reporting-service: ledger 台帐, statistics, reports")
                    .description("The ledger of every complaint, the SPEC §5 statistics, the monthly report (SPEC §3.18) "
                            + "and the daily overdue report (SPEC §3.17).\n\n" + table);
            if (api.getPaths() == null) {
                return;
            }
            for (String path : FIGURE_PATHS) {
                PathItem item = api.getPaths().get(path);
                Operation get = item == null ? null : item.getGet();
                if (get != null) {
                    String before = get.getDescription() == null ? "" : get.getDescription() + "\n\n";
                    get.setDescription(before + table);
                }
            }
        };
    }

    static String definitionsTable(ReportingProperties properties) {
        StringBuilder md = new StringBuilder();
        md.append("### How the figures are counted\n")
                .append("Each fact is counted on its day in the desk's zone (").append(properties.zone().getId())
                .append("), under the complaint's *current* category, channel, department, severity and complainant type ")
                .append("(a reclassification moves its counts; a complaint not yet classified or dispatched counts under ")
                .append("`UNKNOWN`). A whole calendar month is read from monthly counters, any other range from daily ")
                .append("counters. A rate whose denominator is zero is `null`, never 0 or 1; rates are fractions ")
                .append("(0.6667 = 66.67 %), rounded to 4 places.\n\n")
                .append("| figure | definition |\n|---|---|\n");
        for (Map.Entry<String, String> d : Figures.definitions().entrySet()) {
            md.append("| `").append(d.getKey()).append("` | ").append(d.getValue().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
