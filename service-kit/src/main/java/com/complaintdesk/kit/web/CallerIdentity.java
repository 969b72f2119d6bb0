package com.complaintdesk.kit.web;

import com.complaintdesk.contracts.http.Roles;

import java.util.Set;

/**
 * Who is calling, as the gateway established it (see {@code IdentityHeaders}). Resolved for any controller
 * parameter of this type. {@code channelClient} is set for channel front ends calling with an API key.
 */
public record CallerIdentity(String userId, Set<String> roles, String department, String channelClient) {

    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, Set.of(), null, null);

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String r : candidates) {
            if (hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isStaff() {
        return userId != null && !roles.isEmpty();
    }

    /** Who did it, for audit fields: the staff user, else the channel client. */
    public String actor() {
        if (userId != null) {
            return userId;
        }
        return channelClient != null ? "channel:" + channelClient : "anonymous";
    }

    public void require(String... anyOf) {
        if (!hasAnyRole(anyOf)) {
            throw ApiException.forbidden("This action needs one of the roles " + String.join(", ", anyOf) + ".");
        }
    }
}
