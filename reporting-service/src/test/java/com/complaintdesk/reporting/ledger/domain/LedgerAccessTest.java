package com.complaintdesk.reporting.ledger.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerAccessTest {

    final LedgerAccess access = new LedgerAccess(Set.of("HR"));
    final LedgerProjection projection = new LedgerProjection(ProjectionSettings.defaults());
    final Instant t0 = Instant.parse("2026-11-27T01:00:00Z");

    LedgerEntry engineering = projection.project("C-1", StoryEvents.of(new ComplaintStory("C-1", t0)
            .received(Channel.PHONE, ComplainantType.CONSUMER).triaged("PRODUCT_QUALITY", Severity.GENERAL)
            .dispatched("ENGINEERING", "eng-1")));
    LedgerEntry workplace = projection.project("C-2", StoryEvents.of(new ComplaintStory("C-2", t0)
            .received(Channel.PHONE, ComplainantType.EMPLOYEE).triaged("WORKPLACE", Severity.GENERAL)
            .dispatched("HR", "hr-1")));

    @Test
    void a_handler_sees_only_the_complaints_of_his_department() {
        var scope = access.scopeOf(Set.of("HANDLER"), "ENGINEERING");
        assertThat(scope.permits(engineering)).isTrue();
        assertThat(access.scopeOf(Set.of("DEPARTMENT_MANAGER"), "OPERATIONS").permits(engineering)).isFalse();
    }

    @Test
    void workplace_complaints_are_for_hr_only_even_for_a_supervisor() {
        assertThat(access.scopeOf(Set.of("HANDLER"), "HR").permits(workplace)).isTrue();
        assertThat(access.scopeOf(Set.of("SUPERVISOR"), "SERVICE_DESK").permits(workplace)).isFalse();
        assertThat(access.scopeOf(Set.of("SUPERVISOR"), "SERVICE_DESK").permits(engineering)).isTrue();
    }

    @Test
    void an_admin_administers_but_is_not_hr() {
        assertThat(access.scopeOf(Set.of("ADMIN"), null).permits(workplace)).isFalse();
        assertThat(access.scopeOf(Set.of("ADMIN"), null).permits(engineering)).isTrue();
        assertThat(access.scopeOf(Set.of("ADMIN"), "HR").permits(workplace)).isTrue();
    }

    @Test
    void callers_without_a_staff_role_or_without_a_department_see_nothing() {
        assertThat(access.scopeOf(Set.of(), null).allowed()).isFalse();
        assertThat(access.scopeOf(Set.of("CHANNEL_CLIENT"), null).allowed()).isFalse();
        assertThat(access.scopeOf(Set.of("HANDLER"), null).allowed()).isFalse();
    }
}
