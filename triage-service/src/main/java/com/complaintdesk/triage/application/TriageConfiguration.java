package com.complaintdesk.triage.application;

import com.complaintdesk.triage.domain.collective.CollectiveDetector;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.triage.domain.text.TextNormalizer;
import com.complaintdesk.kit.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TriageConfiguration {

    /** Collections whose documents publish events through their outbox. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("triage_cases", "collective_cases");
    }

    @Bean(destroyMethod = "close")
    TextAnalyzer textAnalyzer(TriageProperties properties) {
        return new TextAnalyzer(TextNormalizer.bundled(properties.text().maxChars()), properties.text().segmenter());
    }

    @Bean
    CollectiveDetector collectiveDetector(TriageProperties properties) {
        return new CollectiveDetector(properties.collective().minComplainants(), properties.collective().similarity());
    }
}
