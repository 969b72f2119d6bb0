package com.complaintdesk.dispatch.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A department without Kafka receives its dispatches by HTTP POST here, signed with its shared secret. */
@Document("webhooks")
public class WebhookSubscriptionDocument {
    @Id
    public String department;
    public String url;
    public String secret;
    public boolean enabled;
    public String updatedBy;
    public Instant updatedAt;
}
