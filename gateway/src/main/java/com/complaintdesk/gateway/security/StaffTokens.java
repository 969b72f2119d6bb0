package com.complaintdesk.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates staff bearer tokens and, on the local run only, issues them. */
public class StaffTokens {

    /** The identity a valid token carries. */
    public record Staff(String userId, List<String> roles, String department) {
    }

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final byte[] secret;
    private final String issuer;
    private final Clock clock;

    public StaffTokens(GatewaySecurityProperties.Jwt jwt, Clock clock) {
        this.issuer = jwt.issuer();
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        Set<JWSAlgorithm> algorithms;
        if (jwt.jwkSetUri() != null && !jwt.jwkSetUri().isBlank()) {
            try {
                keys = JWKSourceBuilder.create(URI.create(jwt.jwkSetUri()).toURL()).build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("gateway.jwt.jwk-set-uri is not a URL", e);
            }
            algorithms = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
            this.secret = null;
        } else {
            if (jwt.hs256Secret() == null || jwt.hs256Secret().length() < 32) {
                throw new IllegalArgumentException("Staff tokens cannot be checked: set gateway.jwt.jwk-set-uri"
                        + " (GATEWAY_JWT_JWKSETURI, the identity provider's keys) or gateway.jwt.hs256-secret"
                        + " (GATEWAY_JWT_SECRET) of at least 32 characters");
            }
            this.secret = jwt.hs256Secret().getBytes(StandardCharsets.UTF_8);
            keys = new ImmutableSecret<>(secret);
            algorithms = Set.of(JWSAlgorithm.HS256);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(List.of("sub", "exp"))));
    }

    public Optional<Staff> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            List<String> roles = claims.getStringListClaim("roles");
            return Optional.of(new Staff(claims.getSubject(), roles == null ? List.of() : roles,
                    claims.getStringClaim("department")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Local run only (see DevTokenController). */
    public String issue(String userId, List<String> roles, String department, Duration lifetime) {
        if (secret == null) {
            throw new IllegalStateException("tokens are issued only with a local HS256 secret");
        }
        try {
            Date now = Date.from(clock.instant());
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .issuer(issuer).subject(userId).claim("roles", roles).claim("department", department)
                    .issueTime(now).expirationTime(Date.from(clock.instant().plus(lifetime))).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
