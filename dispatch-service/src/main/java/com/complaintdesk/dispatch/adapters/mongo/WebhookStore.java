package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.kit.crypto.AtRestCipher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The departments' webhooks and their deliveries. A webhook's shared secret is sealed with the configured key before
 * it is written and opened only to sign a delivery: it is never stored in clear.
 */
@Component
public class WebhookStore {

    private final MongoTemplate mongo;
    private final AtRestCipher secrets;

    public WebhookStore(MongoTemplate mongo, AtRestCipher webhookSecretCipher) {
        this.mongo = mongo;
        this.secrets = webhookSecretCipher;
        com.complaintdesk.kit.mongo.AnnotatedIndexes.create(mongo, WebhookDeliveryDocument.class);
    }

    public Optional<WebhookSubscriptionDocument> subscription(String department) {
        return Optional.ofNullable(mongo.findById(department, WebhookSubscriptionDocument.class));
    }

    /** Writes the webhook with {@code clearSecret} sealed (a secret an earlier version kept in clear goes). */
    public void save(WebhookSubscriptionDocument s, String clearSecret) {
        s.sealedSecret = secrets.seal(clearSecret);
        s.secret = null;
        mongo.save(s);
    }

    /** The secret to sign with: opened, or as an earlier version stored it in clear until that is sealed. */
    public String secretOf(WebhookSubscriptionDocument s) {
        return s.sealedSecret != null ? secrets.open(s.sealedSecret) : s.secret;
    }

    /**
     * At start: seals the secrets earlier versions stored in clear, and opens every sealed one, so a key that is not
     * the one they were sealed with stops the start instead of failing each delivery later. Returns how many were
     * sealed now. Several instances may run it at once: a secret is sealed only while it is still in clear.
     */
    public int sealSecretsLeftInClear() {
        int sealed = 0;
        for (WebhookSubscriptionDocument s : mongo.findAll(WebhookSubscriptionDocument.class)) {
            if (s.sealedSecret != null) {
                try {
                    secrets.open(s.sealedSecret);
                } catch (AtRestCipher.WrongKeyException e) {
                    throw new IllegalStateException("The webhook secret of department " + s.department + ": " + e.getMessage()
                            + ". Start dispatch with the key it was sealed with.", e);
                }
            } else if (s.secret != null) {
                Query stillInClear = new Query(Criteria.where("_id").is(s.department).and("secret").is(s.secret)
                        .and("sealedSecret").exists(false));
                sealed += (int) mongo.updateFirst(stillInClear, new Update().set("sealedSecret", secrets.seal(s.secret))
                        .unset("secret"), WebhookSubscriptionDocument.class).getModifiedCount();
            }
        }
        return sealed;
    }

    /** Creates the delivery unless it exists already (a redelivered event creates nothing twice). */
    public void enqueue(WebhookDeliveryDocument d) {
        Update u = new Update().setOnInsert("department", d.department).setOnInsert("eventId", d.eventId)
                .setOnInsert("eventType", d.eventType).setOnInsert("complaintId", d.complaintId).setOnInsert("body", d.body)
                .setOnInsert("confidential", d.confidential)
                .setOnInsert("status", d.status).setOnInsert("attempts", 0).setOnInsert("nextAttemptAt", d.nextAttemptAt)
                .setOnInsert("lockedUntil", d.lockedUntil).setOnInsert("createdAt", d.createdAt);
        mongo.upsert(new Query(Criteria.where("_id").is(d.id)), u, WebhookDeliveryDocument.class);
    }

    /** Takes one due delivery for this instance until {@code lockUntil}, or empty when none is due. */
    public Optional<WebhookDeliveryDocument> claimDue(Instant now, Instant lockUntil) {
        Query q = new Query(Criteria.where("status").is(WebhookDeliveryDocument.Status.PENDING)
                .and("nextAttemptAt").lte(now).and("lockedUntil").lte(now)).with(Sort.by("nextAttemptAt"));
        return Optional.ofNullable(mongo.findAndModify(q, new Update().set("lockedUntil", lockUntil),
                FindAndModifyOptions.options().returnNew(true), WebhookDeliveryDocument.class));
    }

    public void delivered(String id, int statusCode, int attempts, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("status", WebhookDeliveryDocument.Status.DELIVERED)
                .set("attempts", attempts).set("lastStatusCode", statusCode).set("deliveredAt", at).set("lastError", null)
                .set("lockedUntil", at), WebhookDeliveryDocument.class);
    }

    public void failed(String id, Integer statusCode, String error, int attempts, Instant nextAttemptAt, Instant now) {
        Update u = new Update().set("attempts", attempts).set("lastStatusCode", statusCode).set("lastError", error)
                .set("lockedUntil", now);
        if (nextAttemptAt == null) {
            u.set("status", WebhookDeliveryDocument.Status.DEAD);
        } else {
            u.set("nextAttemptAt", nextAttemptAt);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), u, WebhookDeliveryDocument.class);
    }

    public List<WebhookDeliveryDocument> list(String department, WebhookDeliveryDocument.Status status) {
        Criteria c = new Criteria();
        if (department != null) {
            c = c.and("department").is(department);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        return mongo.find(new Query(c).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(500), WebhookDeliveryDocument.class);
    }

    public Optional<WebhookDeliveryDocument> delivery(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookDeliveryDocument.class));
    }

    /** A dead delivery goes back to the queue, due now, with a fresh attempt count. */
    public boolean replay(String id, Instant now) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("status").is(WebhookDeliveryDocument.Status.DEAD)),
                new Update().set("status", WebhookDeliveryDocument.Status.PENDING).set("attempts", 0).set("nextAttemptAt", now)
                        .set("lockedUntil", now), WebhookDeliveryDocument.class).getModifiedCount() == 1;
    }
}
