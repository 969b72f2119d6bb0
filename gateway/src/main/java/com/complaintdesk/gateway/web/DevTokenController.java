package com.complaintdesk.gateway.web;

import com.complaintdesk.gateway.security.GatewaySecurityProperties;
import com.complaintdesk.gateway.security.StaffTokens;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * SPEC §9: on the local run only, a staff token for any user, roles and department. The bean does not exist
 * outside the "local" profile, so the path is a 404 there.
 */
@RestController
@Profile("local")
public class DevTokenController {

    private final StaffTokens tokens;
    private final GatewaySecurityProperties properties;

    public DevTokenController(StaffTokens tokens, GatewaySecurityProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    public record DevTokenRequest(String userId, List<String> roles, String department) {
    }

    @PostMapping(path = "/api/v1/auth/dev-token", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> issue(@RequestBody DevTokenRequest body) {
        if (body == null || body.userId() == null || body.userId().isBlank() || body.roles() == null || body.roles().isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("type", "urn:problem:invalid-request", "title", "Invalid request", "status", 400,
                            "detail", "userId and at least one role are required.",
                            "errors", List.of(Map.of("field", "userId/roles", "message", "are required"))));
        }
        String token = tokens.issue(body.userId(), body.roles(), body.department(), properties.jwt().devTokenLifetime());
        return ResponseEntity.ok(Map.of("token", token, "expiresIn", properties.jwt().devTokenLifetime().toSeconds()));
    }
}
