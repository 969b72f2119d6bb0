package com.complaintdesk.contracts.http;

/**
 * Headers the gateway sets on every request it forwards, after it has authenticated the caller.
 * The gateway drops any of these a client sent itself; services trust only these.
 */
public final class IdentityHeaders {
    private IdentityHeaders() {
    }

    public static final String USER_ID = "X-Caller-User-Id";
    /** Comma-separated role names, see {@link Roles}. */
    public static final String ROLES = "X-Caller-Roles";
    public static final String DEPARTMENT = "X-Caller-Department";
    /** Set when a channel front end called with its API key, e.g. "hotline". */
    public static final String CHANNEL_CLIENT = "X-Caller-Channel";
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    public static final java.util.List<String> ALL = java.util.List.of(USER_ID, ROLES, DEPARTMENT, CHANNEL_CLIENT);
}
