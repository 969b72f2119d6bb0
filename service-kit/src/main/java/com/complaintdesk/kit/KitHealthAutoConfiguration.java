package com.complaintdesk.kit;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store's health by {@code ping} on the service's own database. Boot's indicator sends {@code hello}, which the
 * embedded Mongo-wire server of the local run does not know, so {@code /actuator/health} said DOWN there while the
 * store worked; {@code ping} is answered by every MongoDB and by the embedded server alike.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, MongoTemplate.class})
public class KitHealthAutoConfiguration {

    /** Named as Boot's, which then steps back. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = mongo.executeCommand(new Document("ping", 1));
                Object ok = answer.get("ok");
                if (ok instanceof Number n && n.doubleValue() == 1.0) {
                    builder.up().withDetail("database", mongo.getDb().getName());
                } else {
                    builder.down().withDetail("database", mongo.getDb().getName()).withDetail("answer", answer.toJson());
                }
            }
        };
    }
}
