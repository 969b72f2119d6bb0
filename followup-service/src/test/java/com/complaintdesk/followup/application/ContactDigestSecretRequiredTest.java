package com.complaintdesk.followup.application;

import com.complaintdesk.followup.FollowupApplication;
import com.complaintdesk.testsupport.StartFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digests of the complainant's second factor (4 phone digits, an e-mail) are only as safe as their secret: with
 * the published development secret anyone holding the database reverses 4 digits in 10,000 tries. Outside the local
 * and test profiles there is no secret, so follow-up does not start without the deployment's own.
 */
class ContactDigestSecretRequiredTest {

    @Test
    void without_the_local_or_test_profile_followup_has_no_digest_secret_and_does_not_start() {
        assertThat(StartFailure.of(FollowupApplication.class))
                .contains("followup.contact-digest-secret (FOLLOWUP_CONTACTDIGESTSECRET) is not set");
    }
}
