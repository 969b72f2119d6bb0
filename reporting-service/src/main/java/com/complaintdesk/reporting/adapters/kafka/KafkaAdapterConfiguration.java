package com.complaintdesk.reporting.adapters.kafka;

import com.complaintdesk.reporting.application.ReportingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class KafkaAdapterConfiguration {

    /** The topics of {@link LedgerListener}, from configuration. */
    @Bean
    String[] ledgerTopics(ReportingProperties properties) {
        return properties.ledger().topics().toArray(String[]::new);
    }

    @Bean
    TolerantEventReader tolerantEventReader() {
        // its own lenient mapper: the service's web mapper rejects unknown properties, events must not
        return new TolerantEventReader(JsonMapper.builder().build());
    }
}
