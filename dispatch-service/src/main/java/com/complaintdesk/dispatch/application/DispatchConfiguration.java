package com.complaintdesk.dispatch.application;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.domain.organisation.AssignmentPolicy;
import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.crypto.AtRestCipher;
import com.complaintdesk.kit.outbox.OutboxCollections;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("cases");
    }

    @Bean
    AssignmentPolicy assignmentPolicy() {
        return new AssignmentPolicy();
    }

    /** Seals the webhook secrets at rest; a missing or malformed key stops the start here, saying which setting. */
    @Bean
    AtRestCipher webhookSecretCipher(DispatchProperties properties) {
        return AtRestCipher.fromBase64Key(properties.webhook().secretKey(), DispatchProperties.Webhook.SECRET_KEY_SETTING);
    }

    /** One topic per department of the organisation data, so a department system reads only its own dispatches. */
    @Bean
    KafkaAdmin.NewTopics departmentTopics(DispatchProperties properties, ResourceLoader resources, JsonMapper json,
                                          KitProperties kit) {
        OrganisationSeed seed;
        try {
            seed = OrganisationService.readSeed(json, resources.getResource(properties.organisationSeed()).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KafkaAdmin.NewTopics(seed.departments().stream()
                .map(d -> new NewTopic(Topics.departmentTopic(d.code()), kit.kafka().partitions(), kit.kafka().replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    ApplicationRunner seedOrganisation(OrganisationService organisation) {
        return args -> organisation.seedIfEmpty();
    }
}
