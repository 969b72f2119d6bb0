package com.complaintdesk.loadtool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatsTest {

    @Test
    void givenTheCommandLinesOfTheLocalSystem_whenNamed_thenEachProcessGetsItsServiceName() {
        assertThat(ProcessStats.nameOf("/usr/bin/java -Xmx256m -jar /w/intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar"))
                .isEqualTo("intake-service");
        assertThat(ProcessStats.nameOf("java -jar /tmp/jars/gateway-0.1.0-SNAPSHOT-exec.jar")).isEqualTo("gateway");
        assertThat(ProcessStats.nameOf("/usr/lib/jvm/bin/java -Xmx384m -cp lib/* kafka.Kafka /tmp/k/server.properties"))
                .isEqualTo("kafka");
        assertThat(ProcessStats.nameOf("java -cp deploy/local-run/target/local-run.jar com.complaintdesk.localrun.LocalRun"))
                .isEqualTo("launcher+mongo");
    }

    @Test
    void givenBuildToolsAndTestRunners_whenNamed_thenTheyAreNotCounted() {
        assertThat(ProcessStats.nameOf("java -classpath x org.codehaus.plexus.classworlds.launcher.Launcher -pl deploy/local-run"))
                .isNull();
        assertThat(ProcessStats.nameOf("java -jar target/surefire/surefirebooter.jar intake-service-0.1.0-SNAPSHOT-exec.jar"))
                .isNull();
        assertThat(ProcessStats.nameOf("bash deploy/run-local.sh")).isNull();
    }

    @Test
    void givenNoBrokerOfThatPort_whenSampled_thenNoProcessOfAnotherSystemIsCounted() {
        // port 0: no broker listens there and no system is configured with it (a stray process wired to a dead port
        // such as 1, e.g. a gateway started alone for a benchmark, must not make this test fail)
        assertThat(ProcessStats.sample("127.0.0.1:0")).isEmpty();
    }
}
