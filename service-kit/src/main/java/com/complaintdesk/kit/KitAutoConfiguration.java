package com.complaintdesk.kit;

import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.events.KafkaWiring;
import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.outbox.OutboxHints;
import com.complaintdesk.kit.outbox.OutboxRelay;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentityResolver;
import com.complaintdesk.kit.web.ProblemAdvice;
import com.complaintdesk.kit.web.RequestContextFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/** Registers the shared wiring in every service that has this module on its class path. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties({KitProperties.class, AccessSettings.class})
@Import({KafkaWiring.class, ProblemAdvice.class})
public class KitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper json) {
        return new EventCodec(json);
    }

    @Bean
    @ConditionalOnMissingBean
    EventFactory eventFactory(KitProperties properties, Clock clock, org.springframework.core.env.Environment env) {
        String name = properties.serviceName().isBlank()
                ? env.getProperty("spring.application.name", "service") : properties.serviceName();
        return new EventFactory(name, clock);
    }

    /** Documents just saved with events, so the relay reads them by _id instead of scanning (see OutboxHints). */
    @Bean
    @ConditionalOnBean(OutboxCollections.class)
    @ConditionalOnProperty(name = "kit.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxHints outboxHints(OutboxCollections collections) {
        return new OutboxHints(collections, 10_000);
    }

    @Bean
    @ConditionalOnBean(OutboxCollections.class)
    @ConditionalOnProperty(name = "kit.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxCollections collections,
                            KitProperties properties, MeterRegistry meters,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.kafka.core.KafkaAdmin> admin,
                            OutboxHints hints) {
        return new OutboxRelay(mongo, kafka, collections, properties, meters, admin.getIfAvailable(), hints);
    }

    /** Binds the context's tracer for the outbox (see OutboxTraces) while the context runs. */
    @Bean
    org.springframework.beans.factory.DisposableBean kitOutboxTraces(
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        var t = tracer.getIfAvailable();
        var p = propagator.getIfAvailable();
        if (t == null || p == null || t == io.micrometer.tracing.Tracer.NOOP) {
            return () -> { }; // nothing to carry (a test context without a tracer must not replace a real binding)
        }
        var binding = new com.complaintdesk.kit.outbox.OutboxTraces.Binding(t, p);
        com.complaintdesk.kit.outbox.OutboxTraces.bind(binding);
        return () -> com.complaintdesk.kit.outbox.OutboxTraces.unbind(binding);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MongoTemplate.class)
    com.complaintdesk.kit.audit.AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new com.complaintdesk.kit.audit.AuditTrail(mongo, clock);
    }

    @Bean
    FilterRegistrationBean<RequestContextFilter> kitRequestContextFilter() {
        var registration = new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer kitCallerIdentity() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerIdentityResolver());
            }
        };
    }
}
