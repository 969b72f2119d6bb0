package com.complaintdesk.kit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared defaults apply to every service, and a service's own setting or an environment variable wins. */
class KitDefaultsTest {

    static StandardEnvironment environment(Map<String, Object> own) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("service", own));
        new KitDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void given_no_setting_then_listeners_stop_after_the_record_in_hand_and_each_shutdown_phase_is_bounded() {
        var env = environment(Map.of());

        assertThat(env.getProperty("spring.kafka.listener.immediate-stop", Boolean.class)).isTrue();
        assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("10s");
    }

    @Test
    void given_a_service_setting_then_it_wins_over_the_kit_default() {
        var env = environment(Map.of("spring.kafka.listener.immediate-stop", "false",
                "spring.lifecycle.timeout-per-shutdown-phase", "20s"));

        assertThat(env.getProperty("spring.kafka.listener.immediate-stop", Boolean.class)).isFalse();
        assertThat(env.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
    }
}
