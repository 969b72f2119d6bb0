package com.complaintdesk.testsupport;

import com.complaintdesk.contracts.http.IdentityHeaders;

import java.net.http.HttpRequest;

/**
 * Who calls a service, as the gateway forwards it: the identity headers it sets ({@link IdentityHeaders}). A part
 * that is null is not sent, so a test can call as a staff member, as a channel front end, or as nobody at all.
 */
public record Caller(String userId, String roles, String department, String channel) {

    /** No identity headers: a request that did not come through the gateway's authentication. */
    public static final Caller NOBODY = new Caller(null, null, null, null);

    /** Staff with a bearer token: its subject, roles (comma-separated) and department (null for none). */
    public Caller(String userId, String roles, String department) {
        this(userId, roles, department, null);
    }

    /** A channel front end that called with its API key, e.g. "hotline". */
    public static Caller channel(String client) {
        return new Caller(null, null, null, client);
    }

    void addTo(HttpRequest.Builder request) {
        header(request, IdentityHeaders.USER_ID, userId);
        header(request, IdentityHeaders.ROLES, roles);
        header(request, IdentityHeaders.DEPARTMENT, department);
        header(request, IdentityHeaders.CHANNEL_CLIENT, channel);
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (value != null) {
            request.header(name, value);
        }
    }
}
