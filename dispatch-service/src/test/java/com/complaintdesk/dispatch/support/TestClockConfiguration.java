package com.complaintdesk.dispatch.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(DispatchIntegrationTest.MONDAY_10AM);
    }
}
