package com.complaintdesk.intake.application;

import com.complaintdesk.intake.IntakeApplication;
import com.complaintdesk.testsupport.StartFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §7: personal data is encrypted at rest under a key the deployment gives. Intake has no key of its own outside
 * the local and test profiles, so a deployment that forgets it does not start (and says what to set) rather than
 * sealing everyone's phone numbers under the published development key.
 */
class PersonalDataKeyRequiredTest {

    @Test
    void without_the_local_or_test_profile_intake_has_no_key_and_does_not_start() {
        assertThat(StartFailure.of(IntakeApplication.class))
                .contains("intake.personal-data-key (INTAKE_PERSONALDATAKEY) is not set");
    }
}
