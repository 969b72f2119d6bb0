package com.complaintdesk.localrun;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    private final Path repo = Path.of("/repo");

    @Test
    void givenNoArguments_whenParsed_thenTheWellKnownLocalPortsAndAllSevenServicesOnLoopback() {
        Options o = Options.parse(new String[0], repo);

        assertEquals(8080, o.ports().get(Service.GATEWAY));
        assertEquals(8081, o.ports().get(Service.INTAKE));
        assertEquals(8086, o.ports().get(Service.REPORTING));
        assertEquals(9092, o.kafkaPort());
        assertEquals(27017, o.mongoPort());
        assertEquals("127.0.0.1", o.host());
        assertEquals(EnumSet.allOf(Service.class), o.services());
        assertEquals(repo.resolve("deploy/local-run/data"), o.dataDir());
        assertNull(o.externalKafka());
        assertEquals(repo.resolve("intake-service/target/intake-service-0.1.0-SNAPSHOT-exec.jar"), o.jarOf(Service.INTAKE));
    }

    @Test
    void givenPortsServicesAndDataDir_whenParsed_thenTheyReplaceTheDefaults() {
        Options o = Options.parse(new String[]{"--port", "gateway=18080", "--port=triage=18082", "--kafka-port=19092",
                "--mongo-port", "0", "--services", "intake,gateway", "--data-dir", "/tmp/x", "--parallel", "2"}, repo);

        assertEquals(18080, o.ports().get(Service.GATEWAY));
        assertEquals(18082, o.ports().get(Service.TRIAGE));
        assertEquals(8081, o.ports().get(Service.INTAKE));
        assertEquals(19092, o.kafkaPort());
        assertEquals(0, o.mongoPort());
        assertEquals(EnumSet.of(Service.INTAKE, Service.GATEWAY), o.services());
        assertEquals(Path.of("/tmp/x"), o.dataDir());
        assertEquals(Path.of("/tmp/x/logs"), o.logDir());
        assertEquals(2, o.parallelStarts());
    }

    @Test
    void givenInfraOnlyAndExternalKafka_whenParsed_thenNoServicesAndThatKafka() {
        Options o = Options.parse(new String[]{"--infra-only", "--kafka", "broker:9092", "--mongo", "mongodb://db:27017/"}, repo);

        assertTrue(o.services().isEmpty());
        assertEquals("broker:9092", o.externalKafka());
        assertEquals("mongodb://db:27017", o.externalMongo());
    }

    @Test
    void givenBenchmark_whenParsed_thenTheLoadedServicesAndTheBrokerRunWithC2AndFollowupKeepsTheC1Limit() {
        Options plain = Options.parse(new String[0], repo);
        Options bench = Options.parse(new String[]{"--benchmark"}, repo);
        Options chosen = Options.parse(new String[]{"--full-jit", "intake,gateway"}, repo);

        assertTrue(plain.jvmOptionsOf(Service.INTAKE).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(!bench.jvmOptionsOf(Service.INTAKE).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(!bench.jvmOptionsOf(Service.GATEWAY).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(bench.jvmOptionsOf(Service.INTAKE).contains("-Xmx256m"));
        assertTrue(bench.jvmOptionsOf(Service.FOLLOWUP).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(plain.kafkaJvmOptions().contains("-XX:TieredStopAtLevel=1"));
        assertTrue(bench.kafkaJvmOptions().stream().noneMatch(opt -> opt.startsWith("-XX:TieredStopAtLevel")));
        assertTrue(bench.kafkaJvmOptions().contains("-Xmx384m"));
        assertEquals(EnumSet.of(Service.INTAKE, Service.GATEWAY), chosen.fullJitServices());
    }

    @Test
    void givenAnUnknownFlagABadPortOrAnUnknownService_whenParsed_thenRejectedWithTheReason() {
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--bogus", "1"}, repo));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--kafka-port", "70000"}, repo));
        IllegalArgumentException service = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--services", "intake,billing"}, repo));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[]{"--data-dir"}, repo));

        assertTrue(flag.getMessage().contains("--bogus"));
        assertTrue(port.getMessage().contains("70000"));
        assertTrue(service.getMessage().contains("billing"));
        assertTrue(missing.getMessage().contains("needs a value"));
    }

    @Test
    void givenTestOptions_whenBuilt_thenEveryPortIsLeftToTheSystem() {
        Options o = Options.forTests(repo, Path.of("/tmp/t"));

        assertTrue(o.ports().values().stream().allMatch(p -> p == 0));
        assertEquals(0, o.kafkaPort());
        assertEquals(0, o.controllerPort());
        assertEquals(0, o.mongoPort());
    }
}
