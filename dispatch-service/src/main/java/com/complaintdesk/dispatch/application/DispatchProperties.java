package com.complaintdesk.dispatch.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Settings of dispatch, each overridable by environment variable (e.g. {@code DISPATCH_WEBHOOK_MAX_ATTEMPTS=8}). */
@ConfigurationProperties("dispatch")
public record DispatchProperties(
        /* the organisation loaded into an empty database at start: departments, handlers, rosters, routing */
        @DefaultValue("classpath:organisation/default-organisation.json") String organisationSeed,
        @DefaultValue Assignment assignment,
        @DefaultValue Queue queue,
        @DefaultValue Workload workload,
        @DefaultValue Webhook webhook,
        @DefaultValue Organisation organisation,
        /* how many complaints' cases this instance remembers as it last wrote them, so the listeners apply a
           complaint's next event without reading its case first (issue 7; a write on a remembered case is conditioned
           on its version, so one changed elsewhere is read after all). 0: read for every event. Env
           DISPATCH_RECENTCASES. */
        @DefaultValue("4096") int recentCases) {

    public record Organisation(
            /* how long the organisation settings (routing, fallback and PR departments, supervisor, HQ) and the
               departments are kept in memory for the events this instance handles: its own changes through the API
               are seen at once, another instance's within this time; 0 reads them for every event. Handlers (workload,
               availability, rosters) are never kept. */
            @DefaultValue("5s") Duration cacheTtl) {
    }

    public record Workload(
            @DefaultValue("true") boolean reconcileEnabled,
            /* how often handler workloads are compared with the open cases (phantom claims after a crash repaired) */
            @DefaultValue("60s") Duration reconcileInterval,
            /* an entry must be wrong for at least this long before it is repaired (assignments in flight are not) */
            @DefaultValue("60s") Duration grace) {
    }

    public record Assignment(
            /* how often to choose again when another instance changed the chosen handler's workload meanwhile */
            @DefaultValue("100") int maxClaimAttempts) {
    }

    public record Queue(
            @DefaultValue("true") boolean drainEnabled,
            /* how often queued complaints are offered to whoever came on duty */
            @DefaultValue("30s") Duration drainInterval) {
    }

    public record Webhook(
            @DefaultValue("true") boolean deliveryEnabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("5s") Duration requestTimeout,
            /* AES-256 key (base64 of 32 random bytes) that seals the departments' webhook secrets at rest. No default:
               deployments set DISPATCH_WEBHOOK_SECRETKEY; only the local and test profiles bring a development key. */
            String secretKey) {

        /** The setting as an operator sets it, for messages about a missing or wrong key. */
        public static final String SECRET_KEY_SETTING = "dispatch.webhook.secret-key (DISPATCH_WEBHOOK_SECRETKEY)";
    }
}
