package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.ReportingEvents.MonthlyReportPublished;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.sla.application.MonthlyReportWatch;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SPEC §3.18 / §4: the monthly report reaches HQ by the 5th, 24:00, else HQ is told once. */
class MonthlyReportWatchTest extends SlaSpringTest {

    @Autowired
    MonthlyReportWatch monthly;
    @Autowired
    MutableClock clock;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;

    @Test
    void a_report_not_published_by_the_fifth_midnight_is_flagged_to_hq_once() {
        clock.set(shanghai("2025-04-01T08:00"));
        assertThat(monthly.tick()).isEmpty();
        var deadline = monthly.find("2025-03").orElseThrow();
        assertThat(deadline.dueAt).isEqualTo(shanghai("2025-04-06T00:00"));

        clock.set(shanghai("2025-04-05T23:59"));
        assertThat(monthly.tick()).isEmpty();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.SLA)) {
            clock.set(shanghai("2025-04-06T00:01"));
            assertThat(monthly.tick()).isPresent();
            assertThat(monthly.tick()).as("once").isEmpty();
            var overdue = probe.await(r -> "monthly-2025-03".equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(overdue.get(0).value()).contains("\"type\":\"MonthlyReportOverdue\"", "\"level\":\"HQ\"");
        }
    }

    @Test
    void a_report_published_in_time_meets_the_deadline() throws Exception {
        clock.set(shanghai("2025-07-01T08:00"));
        monthly.tick();
        var published = EventEnvelope.of(new MonthlyReportPublished("2025-06", "/api/v1/reports/monthly/2025-06"), "2025-06",
                shanghai("2025-07-01T09:00"), "corr", "reporting-service");
        kafka.send(Topics.REPORTING, "2025-06", codec.encode(published)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> monthly.find("2025-06").map(d -> d.publishedAt != null).orElse(false));

        clock.set(shanghai("2025-07-07T00:00"));
        assertThat(monthly.tick()).isEmpty();
        assertThat(monthly.find("2025-06").orElseThrow().overdueAt).isNull();
    }
}
