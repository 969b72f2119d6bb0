package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.dispatch.adapters.mongo.WebhookDeliveryDocument;
import com.complaintdesk.dispatch.adapters.mongo.WebhookSubscriptionDocument;
import com.complaintdesk.dispatch.application.WebhookService;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.contracts.http.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Department webhooks and their dead-letter list (issue 4). */
@RestController
@RequestMapping(path = "/api/v1/organisation", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookController {

    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public record WebhookRequest(
            @NotBlank(message = "is required") @Size(max = 2000) String url,
            @NotBlank(message = "is required") @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret,
            Boolean enabled) {
    }

    /** The secret is never shown again, not even in part: only whether one is set. */
    public record WebhookView(String department, String url, boolean enabled, boolean secretSet, String updatedBy,
                              Instant updatedAt) {
        static WebhookView of(WebhookSubscriptionDocument s) {
            return new WebhookView(s.department, s.url, s.enabled, s.sealedSecret != null || s.secret != null, s.updatedBy,
                    s.updatedAt);
        }
    }

    @PutMapping(path = "/departments/{code}/webhook", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebhookView subscribe(@PathVariable String code, @Valid @RequestBody WebhookRequest body, CallerIdentity caller) {
        return WebhookView.of(webhooks.subscribe(code, body.url().trim(), body.secret(), body.enabled() == null || body.enabled(), caller));
    }

    @GetMapping("/departments/{code}/webhook")
    public WebhookView subscription(@PathVariable String code, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR);
        return WebhookView.of(webhooks.subscription(code).orElseThrow(() -> ApiException.notFound("Webhook of department", code)));
    }

    public record DeliveryView(String id, String department, String eventType, String eventId, String complaintId,
                               String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                               Instant createdAt, Instant deliveredAt) {
        /** @param showComplaint false: the complaint number is left out (an HR complaint the caller may not read) */
        static DeliveryView of(WebhookDeliveryDocument d, boolean showComplaint) {
            return new DeliveryView(d.id, d.department, d.eventType, d.eventId, showComplaint ? d.complaintId : null,
                    d.status.name(), d.attempts,
                    d.nextAttemptAt, d.lastStatusCode, d.lastError, d.createdAt, d.deliveredAt);
        }
    }

    /** {@code status=DEAD} is the dead-letter list. */
    @GetMapping("/webhooks/deliveries")
    public List<DeliveryView> deliveries(@RequestParam(required = false) String department,
                                         @RequestParam(required = false) WebhookDeliveryDocument.Status status,
                                         CallerIdentity caller) {
        return webhooks.deliveries(department, status, caller).stream()
                .map(d -> DeliveryView.of(d, webhooks.showsComplaint(d, caller))).toList();
    }

    @PostMapping("/webhooks/deliveries/{id}/replay")
    public DeliveryView replay(@PathVariable String id, CallerIdentity caller) {
        WebhookDeliveryDocument replayed = webhooks.replay(id, caller);
        return DeliveryView.of(replayed, webhooks.showsComplaint(replayed, caller));
    }
}
