package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.dispatch.DispatchApplication;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The key that seals the webhook secrets is checked when dispatch starts: a missing, malformed or wrong key stops the
 * start with a message naming the setting, instead of failing every delivery later.
 */
class WebhookSecretKeyStartupTest extends DispatchIntegrationTest {

    static final Caller ADMIN = new Caller("admin", "ADMIN", null);
    /** base64 of 32 bytes, but not the key of the test profile */
    static final String ANOTHER_KEY = "YW5vdGhlci13ZWJob29rLWtleS1ub3QtdGhlLXRlc3Q=";

    @Autowired
    Environment env;

    /** Starts a second instance on the same database and broker and returns every message of why it did not start. */
    String startFailure(String secretKeyArgument) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DispatchApplication.class).profiles("test").run(
                "--spring.mongodb.uri=" + env.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--server.port=0", secretKeyArgument,
                // the failure is what this test reads; the log would only repeat it
                "--spring.main.banner-mode=off", "--logging.level.org.springframework=OFF").close());
        assertThat(failure).as("the start fails").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join(" <- ", messages);
    }

    @Test
    void given_no_key_then_dispatch_does_not_start_and_says_which_setting_to_give() {
        assertThat(startFailure("--dispatch.webhook.secret-key="))
                .contains("dispatch.webhook.secret-key (DISPATCH_WEBHOOK_SECRETKEY) is not set");
    }

    @Test
    void given_a_key_that_is_not_32_bytes_then_dispatch_does_not_start() {
        assertThat(startFailure("--dispatch.webhook.secret-key=c2hvcnQ="))
                .contains("dispatch.webhook.secret-key (DISPATCH_WEBHOOK_SECRETKEY) must be 32 bytes");
    }

    @Test
    void given_another_key_than_the_secrets_were_sealed_with_then_dispatch_does_not_start() {
        assertThat(put("/api/v1/organisation/departments/PR/webhook", ADMIN,
                "{\"url\":\"http://127.0.0.1:1/hooks/pr\",\"secret\":\"pr-shared-secret-000001\",\"enabled\":false}").status())
                .isEqualTo(200);
        assertThat(startFailure("--dispatch.webhook.secret-key=" + ANOTHER_KEY))
                .contains("The webhook secret of department PR")
                .contains("cannot be opened with dispatch.webhook.secret-key (DISPATCH_WEBHOOK_SECRETKEY)")
                .contains("sealed with another key");
    }
}
