package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.KitProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka done once for every service: idempotent producers with acks=all, string records carrying JSON envelopes,
 * topics created with a configurable partition count, bounded retries then a dead-letter topic
 * ({@code <topic>.DLT}, same partition) so a poison record never blocks its partition.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaWiring {

    @Bean
    DefaultKafkaProducerFactoryCustomizer kitProducerDefaults() {
        return factory -> {
            factory.updateConfigs(Map.of(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            // defaults a service may override with spring.kafka.producer.properties.*
            Map<String, Object> configured = factory.getConfigurationProperties();
            Map<String, Object> defaults = new java.util.HashMap<>();
            defaults.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            // while Kafka is down the outbox relay must fail fast and retry, not block a minute per send
            defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            defaults.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            defaults.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            defaults.keySet().removeIf(configured::containsKey);
            factory.updateConfigs(defaults);
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer kitConsumerDefaults() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    /** Logs written while a record is handled carry its complaint id (the record key). */
    @Bean
    org.springframework.kafka.listener.RecordInterceptor<String, String> kitComplaintIdInLogs() {
        return new org.springframework.kafka.listener.RecordInterceptor<>() {
            @Override
            public org.apache.kafka.clients.consumer.ConsumerRecord<String, String> intercept(
                    org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
                    org.apache.kafka.clients.consumer.Consumer<String, String> consumer) {
                if (record.key() != null) {
                    org.slf4j.MDC.put("complaintId", record.key());
                }
                return record;
            }

            @Override
            public void afterRecord(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record,
                                    org.apache.kafka.clients.consumer.Consumer<String, String> consumer) {
                org.slf4j.MDC.remove("complaintId");
            }
        };
    }

    @Bean
    KafkaAdmin.NewTopics kitTopics(KitProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.LIFECYCLE) {
            topics.add(new NewTopic(topic, properties.kafka().partitions(), properties.kafka().replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.kafka().partitions(), properties.kafka().replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler kitErrorHandler(KafkaTemplate<String, String> template, KitProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        var kafka = properties.kafka();
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(kafka.retryBackoff().toMillis(), Math.max(0, kafka.maxAttempts() - 1)));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }
}
