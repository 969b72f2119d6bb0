package com.complaintdesk.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where an open circuit breaker (or a service that does not answer) lands: a 503 problem+json, never a hang. */
@RestController
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                service + " is not available right now; please retry shortly. Nothing was changed by this request"
                        + " unless a later status check shows otherwise.");
    }
}
