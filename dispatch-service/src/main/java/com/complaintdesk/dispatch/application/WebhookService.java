package com.complaintdesk.dispatch.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.dispatch.adapters.mongo.WebhookDeliveryDocument;
import com.complaintdesk.dispatch.adapters.mongo.WebhookStore;
import com.complaintdesk.dispatch.adapters.mongo.WebhookSubscriptionDocument;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.adapters.notify.WebhookSender;
import com.complaintdesk.dispatch.domain.webhook.RetrySchedule;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks for departments without Kafka (issue 4): the same dispatch event their topic carries, POSTed and signed,
 * retried with exponential backoff, dead-lettered after the last attempt and replayable through the API.
 */
@Service
public class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final WebhookStore store;
    private final OrganisationStore organisation;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final DispatchProperties.Webhook settings;
    private final Clock clock;
    private final CaseVisibility visibility;

    public WebhookService(WebhookStore store, OrganisationStore organisation, DispatchProperties properties,
                          CaseVisibility visibility, Clock clock) {
        this.store = store;
        this.visibility = visibility;
        this.organisation = organisation;
        this.settings = properties.webhook();
        this.sender = new WebhookSender(settings.requestTimeout());
        this.retries = new RetrySchedule(settings.maxAttempts(), settings.initialBackoff(), settings.backoffMultiplier(),
                settings.maxBackoff());
        this.clock = clock;
        // before any delivery can run: secrets an earlier version kept in clear are sealed, and a wrong key stops the start
        int sealed = store.sealSecretsLeftInClear();
        if (sealed > 0) {
            log.info("sealed {} webhook secret(s) stored in clear by an earlier version", sealed);
        }
    }

    /** Registers or changes a department's webhook (ADMIN, or that department's manager). */
    public WebhookSubscriptionDocument subscribe(String department, String url, String secret, boolean enabled, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER);
        if (!caller.roles().contains(Roles.ADMIN) && !department.equals(caller.department())) {
            throw ApiException.forbidden("Only the manager of " + department + " or an administrator may set its webhook.");
        }
        organisation.department(department).orElseThrow(() -> ApiException.notFound("Department", department));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("url", "must be an absolute http or https URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw ApiException.invalid("url", "must be an absolute http or https URL");
        }
        WebhookSubscriptionDocument s = new WebhookSubscriptionDocument();
        s.department = department;
        s.url = url;
        s.enabled = enabled;
        s.updatedBy = caller.actor();
        s.updatedAt = clock.instant();
        store.save(s, secret);
        return s;
    }

    public Optional<WebhookSubscriptionDocument> subscription(String department) {
        return store.subscription(department);
    }

    /** From the dispatch topic: a dispatch for a department with a webhook becomes a delivery (idempotent by event id). */
    public void onDispatchEvent(EventEnvelope<ComplaintEvent> env, String rawJson) {
        if (!(env.payload() instanceof ComplaintDispatched d) || d.department() == null) {
            return;
        }
        Optional<WebhookSubscriptionDocument> sub = store.subscription(d.department()).filter(s -> s.enabled);
        if (sub.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        WebhookDeliveryDocument delivery = new WebhookDeliveryDocument();
        delivery.id = env.eventId() + ":" + d.department();
        delivery.department = d.department();
        delivery.eventId = env.eventId().toString();
        delivery.eventType = env.type();
        delivery.complaintId = env.complaintId();
        delivery.confidential = d.confidential();
        delivery.body = rawJson;
        delivery.status = WebhookDeliveryDocument.Status.PENDING;
        delivery.nextAttemptAt = now;
        delivery.lockedUntil = now;
        delivery.createdAt = now;
        store.enqueue(delivery);
    }

    /** Attempts every delivery that is due now. Returns how many attempts were made. */
    public int deliverDue() {
        int attempts = 0;
        for (int i = 0; i < 100; i++) {
            Instant now = clock.instant();
            Optional<WebhookDeliveryDocument> due = store.claimDue(now, now.plus(settings.requestTimeout()).plus(settings.requestTimeout()));
            if (due.isEmpty()) {
                break;
            }
            attempt(due.get(), now);
            attempts++;
        }
        return attempts;
    }

    private void attempt(WebhookDeliveryDocument d, Instant now) {
        int attempt = d.attempts + 1;
        Optional<WebhookSubscriptionDocument> sub = store.subscription(d.department).filter(s -> s.enabled);
        if (sub.isEmpty()) {
            store.failed(d.id, null, "the department has no enabled webhook", attempt, retries.nextAttemptAfter(attempt, now).orElse(null), now);
            return;
        }
        Integer code = null;
        String error;
        try {
            code = sender.post(sub.get().url, store.secretOf(sub.get()), d.body, d.id, d.eventType, d.eventId, d.complaintId, attempt);
            if (code >= 200 && code < 300) {
                store.delivered(d.id, code, attempt, clock.instant());
                return;
            }
            error = "receiver answered " + code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Instant next = retries.nextAttemptAfter(attempt, now).orElse(null);
        if (next == null) {
            log.warn("webhook delivery {} to {} dead after {} attempts: {}", d.id, d.department, attempt, error);
        }
        store.failed(d.id, code, error, attempt, next, now);
    }

    public List<WebhookDeliveryDocument> deliveries(String department, WebhookDeliveryDocument.Status status, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR);
        String dept = department;
        if (!caller.roles().contains(Roles.ADMIN) && !caller.roles().contains(Roles.SUPERVISOR)) {
            dept = caller.department();
        }
        return store.list(dept, status);
    }

    /**
     * Whether the caller may learn which complaint a delivery carried: the delivery list is operations' (ADMIN, the
     * supervisor) across departments, but an HR complaint's number is only for those who may read it (the shared
     * read rule); a delivery to an HR department stored before the confidential mark existed counts as HR's.
     */
    public boolean showsComplaint(WebhookDeliveryDocument d, CallerIdentity caller) {
        return visibility.scopeOf(caller).permits(d.department, d.confidential || visibility.isHrDepartment(d.department));
    }

    public WebhookDeliveryDocument replay(String id, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER);
        WebhookDeliveryDocument d = store.delivery(id).orElseThrow(() -> ApiException.notFound("Webhook delivery", id));
        if (!caller.roles().contains(Roles.ADMIN) && !d.department.equals(caller.department())) {
            throw ApiException.forbidden("Only the manager of " + d.department + " or an administrator may replay it.");
        }
        if (!store.replay(id, clock.instant())) {
            throw ApiException.illegalState("Only a dead-lettered delivery can be replayed.", d.status);
        }
        return store.delivery(id).orElseThrow();
    }
}
