package com.complaintdesk.gateway.web;

import com.complaintdesk.contracts.http.IdentityHeaders;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Every request and response carries an {@code X-Request-Id} (a client's own is kept if it looks sane) and a
 * correlation id that the services put on the events the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = sane(exchange.getRequest().getHeaders().getFirst(IdentityHeaders.REQUEST_ID));
        String id = requestId != null ? requestId : UUID.randomUUID().toString();
        String correlation = sane(exchange.getRequest().getHeaders().getFirst(IdentityHeaders.CORRELATION_ID));
        String correlationId = correlation != null ? correlation : id;
        var request = exchange.getRequest().mutate().headers(h -> {
            h.set(IdentityHeaders.REQUEST_ID, id);
            h.set(IdentityHeaders.CORRELATION_ID, correlationId);
        }).build();
        exchange.getResponse().getHeaders().set(IdentityHeaders.REQUEST_ID, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(IdentityHeaders.REQUEST_ID, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    private static String sane(String value) {
        return value != null && value.matches("[A-Za-z0-9._:-]{1,100}") ? value : null;
    }
}
