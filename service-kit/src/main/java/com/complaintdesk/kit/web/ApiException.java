package com.complaintdesk.kit.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * An error a front end can show as it is. Rendered as RFC 9457 problem+json by {@link ProblemAdvice}; the
 * {@code properties} become extra members (e.g. {@code currentStatus} on an illegal transition).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = properties == null ? Map.of() : properties;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " not found", "No " + what.toLowerCase() + " " + id + ".", Map.of());
    }

    /** An action not allowed in the current state: 409 with the current state, nothing changed. */
    public static ApiException illegalState(String detail, Object currentStatus) {
        return new ApiException(HttpStatus.CONFLICT, "Not allowed in the current state", detail,
                Map.of("currentStatus", String.valueOf(currentStatus)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", message,
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
