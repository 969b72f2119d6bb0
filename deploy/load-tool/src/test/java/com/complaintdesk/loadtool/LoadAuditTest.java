package com.complaintdesk.loadtool;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: a short load through the gateway of the whole running system, then the zero-loss audit — every acknowledged
 * complaint dispatched exactly once and in the ledger. Asserts only the audit, never speed: the machine is shared.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class LoadAuditTest {

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.start(Duration.ofMinutes(4), System.out); // progress into target/surefire-reports
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void givenThirtySecondsOfMixedComplaints_whenTheRunIsAudited_thenEveryAcknowledgedComplaintIsDispatchedOnceAndInTheLedger()
            throws Exception {
        LoadOptions options = LoadOptions.parse(new String[]{
                "--gateway", system.gateway().toString(), "--kafka", system.kafka(),
                "--rate", System.getProperty("load.rate", "6"), "--duration", System.getProperty("load.duration", "30s"),
                "--drain-timeout", "120s", "--ledger-sample", "0.1", "--ledger-audit", "all", "--ledger-parallel", "4",
                "--collective-share", "0.1", "--major-share", "0.1", "--progress-every", "10s"});
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        LoadRun.Outcome outcome = new LoadRun(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        String report = log.toString(StandardCharsets.UTF_8) + Report.text(outcome);
        System.out.println(report); // into target/surefire-reports/*-output.txt
        assertThat(outcome.acked()).as(report).isGreaterThan(0);
        assertThat(outcome.audit().failures(30)).as(report).isEmpty();
        assertThat(outcome.audit().ledgerChecked()).as(report).isEqualTo((int) outcome.acked());
        assertThat(outcome.passed()).isTrue();
    }
}
