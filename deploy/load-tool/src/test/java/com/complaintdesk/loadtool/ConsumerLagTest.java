package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    @Test
    void givenGroupsWithLag_whenFormatted_thenTheGroupsFurthestBehindComeFirst() {
        String line = ConsumerLag.format(Map.of("triage-intake", 0L, "reporting-ledger", 4195L, "sla-clocks", 12L));

        assertThat(line).isEqualTo("reporting-ledger 4195, sla-clocks 12, triage-intake 0");
    }

    @Test
    void givenNoAnswerFromKafka_whenFormatted_thenADashStandsForIt() {
        assertThat(ConsumerLag.format(Map.of())).isEqualTo("–");
    }

    @Test
    void givenNoBrokerThere_whenAsked_thenTheLagIsUnknownRatherThanAFailure() {
        assertThat(ConsumerLag.byGroup("127.0.0.1:1")).isEmpty();
    }
}
