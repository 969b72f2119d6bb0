package com.complaintdesk.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who may call the gateway. Channel front ends use an API key (key → channel client name); staff use a bearer JWT
 * (HS256 with a shared secret for the local run, or RS/ES keys from a JWK set URI in production).
 */
@ConfigurationProperties("gateway")
public record GatewaySecurityProperties(
        Map<String, String> apiKeys,
        @DefaultValue Jwt jwt,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue SecondFactor secondFactor,
        /* paths a channel client (API key) may call; every other /api/** path needs a staff token */
        @DefaultValue({"/api/v1/complaints", "/api/v1/complaints/**", "/api/v1/triage/preview"}) List<String> channelPaths) {

    public record Jwt(String hs256Secret, String jwkSetUri, @DefaultValue("complaint-desk-local") String issuer,
                      @DefaultValue("8h") Duration devTokenLifetime) {
    }

    /** A token bucket per caller (API key or user). */
    public record RateLimit(@DefaultValue("2000") int requestsPerSecond, @DefaultValue("4000") int burst) {
    }

    /**
     * Wrong answers to the complainant's second factor (last 4 phone digits or the e-mail) allowed per complaint
     * number inside {@code window}, before the number is locked for {@code lockFor}.
     */
    public record SecondFactor(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                               @DefaultValue("15m") Duration lockFor, @DefaultValue("100000") int maxTracked) {
    }

    public Map<String, String> apiKeys() {
        return apiKeys == null ? Map.of() : apiKeys;
    }
}
