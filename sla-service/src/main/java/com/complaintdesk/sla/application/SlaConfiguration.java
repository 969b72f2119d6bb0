package com.complaintdesk.sla.application;

import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.sla.adapters.mongo.MonthlyDeadlineDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetAddress;
import java.time.Clock;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
public class SlaConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(SlaStore.CLOCKS, SlaStore.DAILY_REPORTS, MonthlyDeadlineDocument.COLLECTION);
    }

    @Bean
    SlaStore slaStore(MongoTemplate mongo, ObjectProvider<OutboxHints> hints, SlaProperties properties) {
        return new SlaStore(mongo, hints.getIfAvailable(), properties.clockCache());
    }

    @Bean
    TimerEngine timerEngine(SlaStore store, ClockService clocks, Clock clock, SlaProperties properties) {
        var t = properties.timers();
        String owner = t.instanceId().isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8) : t.instanceId();
        return new TimerEngine(store, clocks, clock, owner, t.lease(), t.batchSize(), t.safetyScan());
    }

    @Bean
    @ConditionalOnProperty(name = "sla.timers.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    SlaScheduler slaScheduler(TimerEngine timers, DailySupervision daily, MonthlyReportWatch monthly, PolicyService policies,
                              CalendarService calendar, SlaProperties properties) {
        return new SlaScheduler(timers, daily, monthly, policies, calendar, properties.timers().pollInterval(),
                properties.refresh());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "sla";
        }
    }
}
