package com.complaintdesk.dispatch.adapters.kafka;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.application.WebhookService;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads dispatch's own topic after the outbox relayed it, and turns department dispatches into webhook deliveries. */
@Component
public class WebhookFeedListener {

    private final WebhookService webhooks;
    private final EventCodec codec;

    public WebhookFeedListener(WebhookService webhooks, EventCodec codec) {
        this.webhooks = webhooks;
        this.codec = codec;
    }

    @KafkaListener(id = "dispatch-webhooks", groupId = "dispatch-webhooks", topics = Topics.DISPATCH)
    public void on(ConsumerRecord<String, String> record) {
        webhooks.onDispatchEvent(codec.decode(record.value()), record.value());
    }
}
