package com.complaintdesk.sla.support;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.testsupport.Caller;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.ServiceSpringTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Instant;
import java.util.UUID;

/**
 * One Spring context for every sla-service integration test (same configuration → cached): embedded Kafka,
 * in-JVM MongoDB, a clock the tests move, the background scheduler off (tests fire timers themselves); the
 * service's HTTP API on a random port, called as the gateway forwards a caller; every store command counted
 * ({@link MongoCommandLog}).
 */
@Import({SlaSpringTest.TestClock.class, MongoCommandLog.Registration.class, SlaSpringTest.CommandSenders.class})
public abstract class SlaSpringTest extends ServiceSpringTest {

    /** Who sends a store command, for {@link MongoCommandLog}: the code on the sending thread's stack. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CommandSenders {
        @Bean
        MongoCommandLog.Senders slaCommandSenders() {
            return frame -> {
                String className = frame.getClassName();
                if (className.endsWith(".ClockService") && frame.getMethodName().equals("fire")) {
                    return "fire";
                }
                if (className.endsWith(".OutboxRelay")) {
                    return "relay";
                }
                if (className.endsWith(".LifecycleListener")) {
                    return "listener";
                }
                if (className.endsWith(".TimerEngine")) {
                    return "timers";
                }
                if (className.endsWith(".MonthlyReportWatch")) {
                    return "monthly";
                }
                return null;
            };
        }
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

    /** Staff user "u1" with these roles (comma-separated) in this department (null for none). */
    protected static Caller staff(String roles, String department) {
        return new Caller("u1", roles, department);
    }

    /** Staff user "u1" with these roles and no department; null roles: no identity headers at all. */
    protected static Caller staff(String roles) {
        return roles == null ? Caller.NOBODY : staff(roles, null);
    }

}
