package com.complaintdesk.sla.support;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.UUID;

/**
 * One Spring context for every sla-service integration test (same configuration → cached): embedded Kafka,
 * in-JVM MongoDB, a clock the tests move, the background scheduler off (tests fire timers themselves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SlaSpringTest.TestClock.class)
public abstract class SlaSpringTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry r) {
        TestInfrastructure.register(r);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(SlaMother.shanghai("2026-11-23T09:00"));
        }
    }

    protected static String newComplaintId(String prefix) {
        return "C-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static <E extends ComplaintEvent> EventEnvelope<E> envelope(String complaintId, E payload, Instant at) {
        return EventEnvelope.of(payload, complaintId, at, "corr-" + complaintId, "test");
    }

}
