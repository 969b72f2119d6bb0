package com.complaintdesk.gateway.security;

import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates every routed request and tells the services who is calling, in headers only the gateway sets:
 * identity headers a client sent are dropped first. API paths need an API key (channel front ends, only on the
 * channel paths) or a staff bearer token; API documents are public.
 */
public class CallerAuthenticationFilter implements GlobalFilter, Ordered {

    private final Map<String, String> apiKeys;
    private final StaffTokens tokens;
    private final List<String> channelPaths;
    private final ClientRateLimiter rateLimiter;
    private final AntPathMatcher paths = new AntPathMatcher();

    public CallerAuthenticationFilter(GatewaySecurityProperties properties, StaffTokens tokens, ClientRateLimiter rateLimiter) {
        this.apiKeys = Map.copyOf(properties.apiKeys());
        this.tokens = tokens;
        this.channelPaths = List.copyOf(properties.channelPaths());
        this.rateLimiter = rateLimiter;
    }

    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest original = exchange.getRequest();
        String path = original.getPath().value();
        ServerHttpRequest.Builder request = original.mutate().headers(h -> IdentityHeaders.ALL.forEach(h::remove));
        if (!path.startsWith("/api/") || original.getMethod() == HttpMethod.OPTIONS) {
            return chain.filter(exchange.mutate().request(request.build()).build());
        }
        String authorization = original.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String apiKey = original.getHeaders().getFirst("X-Api-Key");
        String client;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<StaffTokens.Staff> staff = tokens.verify(authorization.substring(7).trim());
            if (staff.isEmpty()) {
                return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                        "The bearer token is invalid or expired.");
            }
            StaffTokens.Staff s = staff.get();
            client = "user:" + s.userId();
            request.headers(h -> {
                h.set(IdentityHeaders.USER_ID, s.userId());
                h.set(IdentityHeaders.ROLES, String.join(",", s.roles()));
                if (s.department() != null) {
                    h.set(IdentityHeaders.DEPARTMENT, s.department());
                }
            });
        } else if (apiKey != null) {
            String channel = apiKeys.get(apiKey);
            if (channel == null) {
                return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "The API key is not known.");
            }
            if (channelPaths.stream().noneMatch(p -> paths.match(p, path))) {
                return Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                        "A channel API key may not call " + path + "; this needs a staff token.");
            }
            client = "channel:" + channel;
            request.headers(h -> {
                h.set(IdentityHeaders.CHANNEL_CLIENT, channel);
                h.set(IdentityHeaders.ROLES, Roles.CHANNEL_CLIENT);
            });
        } else {
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Send an X-Api-Key header (channel front ends) or an Authorization: Bearer token (staff).");
        }
        if (!rateLimiter.tryAcquire(client)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This client sends more requests than allowed; retry after a second.");
        }
        return chain.filter(exchange.mutate().request(request.build()).build());
    }
}
