package com.complaintdesk.intake.application;

import com.complaintdesk.intake.adapters.mongo.PersonalDataCipher;
import com.complaintdesk.intake.domain.EvidencePolicy;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import com.complaintdesk.kit.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("complaints");
    }

    @Bean
    PersonalDataCipher personalDataCipher(IntakeProperties properties) {
        return new PersonalDataCipher(properties.personalDataKey());
    }

    @Bean
    BusinessCalendar businessCalendar(IntakeProperties properties) {
        var h = properties.businessHours();
        return new HolidayCalendarLoader().addBundledYears().build(h.zone(), h.open(), h.close(), h.weekdays());
    }

    @Bean
    EvidencePolicy evidencePolicy(IntakeProperties properties) {
        var e = properties.evidence();
        return new EvidencePolicy(e.maxSize().toBytes(), e.maxPerComplaint(), e.allowedTypes());
    }
}
