package com.complaintdesk.dispatch.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One event to deliver to one department's webhook. The id (event id + department) makes creating it idempotent;
 * {@code lockedUntil} lets exactly one instance attempt it at a time. DEAD deliveries are the dead-letter list.
 */
@Document("webhook_deliveries")
public class WebhookDeliveryDocument {
    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    public String id;
    @Indexed
    public String department;
    public String eventId;
    public String eventType;
    public String complaintId;
    /** the dispatched complaint is HR's (ComplaintDispatched.confidential); false on deliveries stored before it existed */
    public boolean confidential;
    public String body;
    @Indexed
    public Status status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant lockedUntil;
    public Integer lastStatusCode;
    public String lastError;
    public Instant createdAt;
    public Instant deliveredAt;
}
