package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    @Test
    void givenTheDocumentedCommand_whenParsed_thenEveryValueIsTaken() {
        LoadOptions o = LoadOptions.parse(new String[]{"--rate", "500", "--duration=60s", "--gateway",
                "http://127.0.0.1:8080/", "--kafka", "127.0.0.1:9092", "--drain-timeout", "2m", "--ledger-audit", "0.25"});

        assertThat(o.rate()).isEqualTo(500);
        assertThat(o.openModel()).isTrue();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.drainTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(o.ledgerAuditShare()).isEqualTo(0.25);
    }

    @Test
    void givenConcurrencyWithoutRate_whenParsed_thenItIsAClosedModelRun() {
        LoadOptions o = LoadOptions.parse(new String[]{"--concurrency", "16", "--count", "1000"});

        assertThat(o.openModel()).isFalse();
        assertThat(o.concurrency()).isEqualTo(16);
        assertThat(o.count()).isEqualTo(1000);
    }

    @Test
    void givenDurationsInEveryUnit_whenParsed_thenTheyAreUnderstood() {
        assertThat(LoadOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(LoadOptions.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LoadOptions.duration("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(LoadOptions.duration("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void givenBadOptions_whenParsed_thenTheyAreRefusedWithAReason() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--rat", "5"})).hasMessageContaining("--rat");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--major-share", "1.5"})).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--ledger-audit", "2"})).hasMessageContaining("--ledger-audit");
        assertThatThrownBy(() -> LoadOptions.parse(new String[]{"--rate"})).hasMessageContaining("needs a value");
    }

    @Test
    void givenHelp_whenRun_thenUsageIsPrintedAndTheExitCodeIsZero() {
        assertThat(LoadTool.run(new String[]{"--help"})).isZero();
        assertThat(LoadTool.run(new String[]{"--nonsense", "1"})).isEqualTo(2);
    }
}
