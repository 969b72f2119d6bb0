package com.complaintdesk.intake.application;

import com.complaintdesk.intake.IntakeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * SPEC §7: personal data is encrypted at rest under a key the deployment gives. Intake has no key of its own outside
 * the local and test profiles, so a deployment that forgets it does not start (and says what to set) rather than
 * sealing everyone's phone numbers under the published development key.
 */
class PersonalDataKeyRequiredTest {

    @Test
    void without_the_local_or_test_profile_intake_has_no_key_and_does_not_start() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.org.springframework=OFF")
                .close());

        assertThat(failure).as("the start fails").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        assertThat(String.join(" <- ", messages))
                .contains("intake.personal-data-key (INTAKE_PERSONALDATAKEY) is not set");
    }
}
