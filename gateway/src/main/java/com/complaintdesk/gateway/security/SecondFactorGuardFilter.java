package com.complaintdesk.gateway.security;

import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds the guesses of the complainant's second factor on every complainant-facing path of one complaint
 * ({@code /api/v1/complaints/{number}/...}: status, evidence, urge, solution answer, revisit answer), whichever
 * service answers it. The services answer a wrong second factor (or an unknown number) with 404; this filter counts
 * those per complaint number and, once locked, answers 429 without forwarding. Staff calls are not counted.
 */
public class SecondFactorGuardFilter implements GlobalFilter, Ordered {

    private static final Pattern COMPLAINT_PATH = Pattern.compile("^/api/v1/complaints/([^/]+)/.+");

    private final SecondFactorLockout lockout;
    private final Clock clock;

    public SecondFactorGuardFilter(SecondFactorLockout lockout, Clock clock) {
        this.lockout = lockout;
        this.clock = clock;
    }

    /** After authentication (which sets the caller headers), before routing. */
    @Override
    public int getOrder() {
        return -150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Matcher m = COMPLAINT_PATH.matcher(exchange.getRequest().getPath().value());
        boolean channelCaller = exchange.getRequest().getHeaders().getFirst(IdentityHeaders.CHANNEL_CLIENT) != null;
        if (!m.matches() || !channelCaller) {
            return chain.filter(exchange);
        }
        String number = m.group(1);
        var locked = lockout.lockedUntil(number);
        if (locked.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.get()).toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many failed verifications",
                    "Too many wrong answers for complaint " + number + ". Try again in " + ((seconds + 59) / 60)
                            + " minute(s), or contact the service desk.");
        }
        return chain.filter(exchange).then(Mono.fromRunnable(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status == null) {
                return;
            }
            if (status.value() == 404) {
                lockout.failed(number);
            } else if (status.is2xxSuccessful()) {
                lockout.succeeded(number);
            }
        }));
    }
}
