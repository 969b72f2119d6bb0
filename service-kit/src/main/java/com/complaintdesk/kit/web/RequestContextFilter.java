package com.complaintdesk.kit.web;

import com.complaintdesk.contracts.http.IdentityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/** Puts the request id and correlation id into the log context and echoes the request id. */
public class RequestContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(IdentityHeaders.REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        }
        String correlationId = request.getHeader(IdentityHeaders.CORRELATION_ID);
        MDC.put("requestId", requestId);
        MDC.put("correlationId", correlationId == null ? requestId : correlationId);
        response.setHeader(IdentityHeaders.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("correlationId");
        }
    }

    /** The correlation id of the current request, for events it causes. */
    public static String currentCorrelationId() {
        String id = MDC.get("correlationId");
        return id == null ? UUID.randomUUID().toString() : id;
    }
}
