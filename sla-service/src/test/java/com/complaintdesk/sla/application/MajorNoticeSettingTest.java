package com.complaintdesk.sla.application;

import com.complaintdesk.contracts.events.DispatchEvents.StaffNotified;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sla.major-manager-notice.*}: which notice ends the MAJOR_TO_MANAGER clock is a setting with a default. */
class MajorNoticeSettingTest {

    static SlaProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sla", SlaProperties.class);
    }

    static StaffNotified toManager(String reason) {
        return new StaffNotified("mgr-ops", "DEPARTMENT_MANAGER", "OPERATIONS", reason);
    }

    @Test
    void by_default_the_major_notice_to_a_department_manager_is_the_one() {
        var rule = bind(Map.of()).majorManagerNotice().rule();

        assertThat(rule.fulfilledBy(toManager("MAJOR complaint: you supervise it personally."), "OPERATIONS")).isTrue();
        assertThat(rule.fulfilledBy(toManager("Nobody in OPERATIONS is on duty: the complaint waits in the department queue."),
                "OPERATIONS")).isFalse();
    }

    @Test
    void the_wording_and_the_role_are_settings() {
        var rule = bind(Map.of("sla.major-manager-notice.reason-pattern", "重大投诉",
                "sla.major-manager-notice.role", "HQ_ANALYST")).majorManagerNotice().rule();

        assertThat(rule.fulfilledBy(new StaffNotified("hq-1", "HQ_ANALYST", "OPERATIONS", "重大投诉:请督办"), "OPERATIONS")).isTrue();
        assertThat(rule.fulfilledBy(toManager("重大投诉:请督办"), "OPERATIONS")).isFalse();
        assertThat(bind(Map.of()).refresh()).as("the other settings keep their defaults").hasSeconds(30);
    }
}
