package com.complaintdesk.dispatch.adapters.kafka;

import com.complaintdesk.kit.events.HandledTypes;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.application.WebhookService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads dispatch's own topic after the outbox relayed it, and turns department dispatches into webhook deliveries; the
 * topic's other events are skipped on their type before they are decoded ({@link HandledTypes}).
 */
@Component
public class WebhookFeedListener {

    static final HandledTypes HANDLED = HandledTypes.of(ComplaintDispatched.class);

    private final WebhookService webhooks;
    private final EventCodec codec;

    public WebhookFeedListener(WebhookService webhooks, EventCodec codec) {
        this.webhooks = webhooks;
        this.codec = codec;
    }

    @KafkaListener(id = "dispatch-webhooks", groupId = "dispatch-webhooks", topics = Topics.DISPATCH)
    public void on(ConsumerRecord<String, String> record) {
        if (HANDLED.ignores(codec, record)) {
            return;
        }
        webhooks.onDispatchEvent(codec.decode(record.value()), record.value());
    }
}
