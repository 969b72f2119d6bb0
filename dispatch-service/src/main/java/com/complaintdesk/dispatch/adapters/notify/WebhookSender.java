package com.complaintdesk.dispatch.adapters.notify;

import com.complaintdesk.dispatch.domain.webhook.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs one event to a department's webhook with its signature and delivery headers. */
public class WebhookSender {

    public static final String DELIVERY_ID = "X-Delivery-Id";
    public static final String EVENT_TYPE = "X-Event-Type";
    public static final String EVENT_ID = "X-Event-Id";
    public static final String COMPLAINT_ID = "X-Complaint-Id";
    public static final String ATTEMPT = "X-Delivery-Attempt";

    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The receiver's status code; throws when it could not be reached at all. */
    public int post(String url, String secret, String body, String deliveryId, String eventType, String eventId,
                    String complaintId, int attempt) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .header(DELIVERY_ID, deliveryId)
                .header(EVENT_TYPE, eventType)
                .header(EVENT_ID, eventId)
                .header(COMPLAINT_ID, complaintId)
                .header(ATTEMPT, String.valueOf(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
