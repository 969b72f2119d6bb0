package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleShareTest {

    @Test
    void given_the_consecutive_numbers_of_one_day_when_a_fifth_is_taken_then_about_a_fifth_is_in_it() {
        for (String day : new String[]{"20261129", "20261128", "20270101"}) {
            int in = 0;
            for (int i = 1; i <= 500; i++) {
                if (LoadRun.inShare(String.format("C-%s-%06d", day, i), 0.2, 0)) {
                    in++;
                }
            }
            assertThat(in).as(day).isBetween(70, 130);
        }
    }

    @Test
    void given_a_share_of_one_or_none_then_every_or_no_number_is_in_it() {
        assertThat(LoadRun.inShare("C-20261129-000001", 1.0, 0)).isTrue();
        assertThat(LoadRun.inShare("C-20261129-000001", 0.0, 0)).isFalse();
    }
}
