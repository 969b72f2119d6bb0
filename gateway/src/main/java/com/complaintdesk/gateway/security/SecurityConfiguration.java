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
    SecondFactorLockout secondFactorLockout(GatewaySecurityProperties properties, Clock clock) {
        var sf = properties.secondFactor();
        return new SecondFactorLockout(sf.maxFailures(), sf.window(), sf.lockFor(), sf.maxTracked(), clock);
    }

    @Bean
    SecondFactorGuardFilter secondFactorGuardFilter(SecondFactorLockout lockout, Clock clock) {
        return new SecondFactorGuardFilter(lockout, clock);
    }

    @Bean
    CallerAuthenticationFilter callerAuthenticationFilter(GatewaySecurityProperties properties, StaffTokens tokens,
                                                          ClientRateLimiter limiter) {
        return new CallerAuthenticationFilter(properties, tokens, limiter);
    }
}
