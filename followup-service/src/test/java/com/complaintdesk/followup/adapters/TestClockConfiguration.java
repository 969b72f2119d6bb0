package com.complaintdesk.followup.adapters;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.LocalDateTime;
import java.time.ZoneId;

/** Replaces the kit's system clock with one the tests move. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    @Bean
    MutableClock clock() {
        return new MutableClock(LocalDateTime.parse("2026-11-27T15:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
