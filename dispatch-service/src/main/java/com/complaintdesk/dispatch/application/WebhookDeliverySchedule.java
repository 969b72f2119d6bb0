package com.complaintdesk.dispatch.application;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Attempts due webhook deliveries on a short fixed delay; each claim is atomic, so instances share the work. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "dispatch.webhook.delivery-enabled", havingValue = "true", matchIfMissing = true)
public class WebhookDeliverySchedule {

    private final WebhookService webhooks;

    public WebhookDeliverySchedule(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(fixedDelayString = "${dispatch.webhook.poll-interval:1s}")
    public void deliver() {
        webhooks.deliverDue();
    }
}
