package com.complaintdesk.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StaffTokens staffTokens(GatewaySecurityProperties properties, Clock clock) {
        return new StaffTokens(properties.jwt(), clock);
    }

    @Bean
    ClientRateLimiter clientRateLimiter(GatewaySecurityProperties properties) {
        return new ClientRateLimiter(properties.rateLimit().requestsPerSecond(), properties.rateLimit().burst(), System::nanoTime);
    }

    @Bean
    CallerAuthenticationFilter callerAuthenticationFilter(GatewaySecurityProperties properties, StaffTokens tokens,
                                                          ClientRateLimiter limiter) {
        return new CallerAuthenticationFilter(properties, tokens, limiter);
    }
}
