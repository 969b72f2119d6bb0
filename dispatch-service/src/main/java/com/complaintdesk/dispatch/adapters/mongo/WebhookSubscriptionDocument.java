package com.complaintdesk.dispatch.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A department without Kafka receives its dispatches by HTTP POST here, signed with its shared secret. The secret is
 * kept sealed ({@code sealedSecret}, AES-GCM under {@code dispatch.webhook.secret-key}); {@code secret} is where
 * versions before that kept it in clear, read only until the start-up sealing of {@link WebhookStore} moves it.
 */
@Document("webhooks")
public class WebhookSubscriptionDocument {
    @Id
    public String department;
    public String url;
    public String sealedSecret;
    /** in clear, as earlier versions stored it; never written any more */
    public String secret;
    public boolean enabled;
    public String updatedBy;
    public Instant updatedAt;
}
