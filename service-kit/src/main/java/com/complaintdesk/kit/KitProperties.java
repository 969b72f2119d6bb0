package com.complaintdesk.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Shared settings of every service, each overridable by environment variable
 * (e.g. {@code KIT_KAFKA_PARTITIONS=12}).
 */
@ConfigurationProperties("kit")
public record KitProperties(
        /* the producer name on events; defaults to spring.application.name */
        @DefaultValue("") String serviceName,
        @DefaultValue Kafka kafka,
        @DefaultValue Outbox outbox) {

    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor,
            /* attempts before a record goes to its dead-letter topic */
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("200ms") Duration retryBackoff) {
    }

    public record Outbox(
            @DefaultValue("true") boolean relayEnabled,
            /* how often every outbox collection is scanned for pending events: the safety net behind the hints of
               OutboxHints (documents just saved with events go at once); a scan is a full collection read on the
               Mongo-wire store, which builds no secondary index */
            @DefaultValue("2s") Duration idlePoll,
            @DefaultValue("500") int batchSize,
            @DefaultValue("10s") Duration sendTimeout,
            /* how long the ids of sent events are remembered, so an event put back by a concurrent save is not sent twice */
            @DefaultValue("1h") Duration sentRetention,
            /* unique (_id, version) and (_id, outboxLeaseUntil) indexes on the outbox collections: only the
               Mongo-wire store of the local run needs them (it uses an index only for a query on exactly its
               fields); the local run turns them on */
            @DefaultValue("false") boolean idIndexes) {
    }
}
