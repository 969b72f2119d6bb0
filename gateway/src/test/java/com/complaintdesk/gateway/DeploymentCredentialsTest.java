package com.complaintdesk.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the local profile the gateway knows no credential everyone knows: the channel key {@code local-dev-key} and
 * the development token secret live in {@code application-local.yml} only, so a deployment that forgets its own does
 * not start (tokens) or refuses every front end (keys) instead of accepting the published ones.
 */
class DeploymentCredentialsTest {

    /** A gateway with the test profile only, started with these command-line settings (which win over the yml). */
    private static ConfigurableApplicationContext gateway(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--server.address=127.0.0.1";
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(GatewayApplication.class).profiles("test").run(args);
    }

    @Test
    void without_a_token_secret_or_key_set_the_gateway_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> gateway().close())
                .rootCause()
                .hasMessageContaining("GATEWAY_JWT_SECRET")
                .hasMessageContaining("GATEWAY_JWT_JWKSETURI");
    }

    @Test
    void with_its_own_secret_and_keys_the_gateway_refuses_the_local_channel_key_and_has_no_dev_tokens() throws Exception {
        try (ConfigurableApplicationContext context = gateway(
                "--gateway.jwt.hs256-secret=a-deployment-secret-of-at-least-32-chars",
                "--gateway.api-keys.wechat-key-1=wechat")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> published = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/triage/preview"))
                    .header("X-Api-Key", "local-dev-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).isEqualTo(401);

            HttpResponse<String> devToken = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/auth/dev-token"))
                    .header("X-Api-Key", "wechat-key-1").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":\"u1\",\"roles\":[\"ADMIN\"],\"department\":\"HQ\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(devToken.statusCode()).isIn(401, 403, 404);
            assertThat(devToken.body()).doesNotContain("token\":\"ey");
        }
    }
}
