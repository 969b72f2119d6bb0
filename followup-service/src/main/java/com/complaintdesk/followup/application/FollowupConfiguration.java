package com.complaintdesk.followup.application;

import com.complaintdesk.followup.domain.ContactDigest;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.calendar.HolidayCalendarLoader;
import com.complaintdesk.kit.outbox.OutboxCollections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class FollowupConfiguration {

    public static final String CASES = "followups";

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(CASES);
    }

    @Bean
    ContactDigest contactDigest(FollowupProperties properties) {
        return new ContactDigest(properties.contactDigestSecret());
    }

    /** The desk's working calendar with the Chinese public holidays and make-up days (SPEC §4). */
    @Bean
    BusinessCalendar businessCalendar(FollowupProperties properties) {
        var h = properties.businessHours();
        return new HolidayCalendarLoader().addBundledYears().build(h.zone(), h.open(), h.close(), h.weekdays());
    }
}
