package com.complaintdesk.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/run-local.sh as a user runs it (without the build step, and only Kafka and the store, on free ports): it
 * starts the launcher, forwards a stop to it, and nothing is left running afterwards, even if the script is killed.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunLocalScriptTest {

    private static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Path SCRIPT = REPO.resolve("deploy/run-local.sh");

    private Process script(Path output, String... args) throws IOException {
        return script(output, java.util.Map.of(), args);
    }

    private Process script(Path output, java.util.Map<String, String> environment, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("SKIP_BUILD", "1");
        pb.environment().put("LOCAL_RUN_CLASSPATH", Path.of("target/classes").toAbsolutePath() + ":"
                + Path.of("target/lib").toAbsolutePath() + "/*");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        return pb.start();
    }

    private static String awaitOutput(Path output, String expected, Process script) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (text.contains(expected)) {
                return text;
            }
            if (!script.isAlive()) {
                throw new AssertionError("the script ended (exit " + script.exitValue() + ") before '" + expected + "':\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + expected + "' within 120 s:\n" + Files.readString(output, StandardCharsets.UTF_8));
    }

    private String[] infraOnFreePorts(Path data) {
        return new String[]{"--infra-only", "--data-dir", data.toString(), "--kafka-port", "0", "--controller-port", "0",
                "--mongo-port", "0"};
    }

    @Test
    void givenHelp_whenTheScriptRuns_thenItPrintsTheOptionsWithoutBuildingOrStartingAnything(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("out.txt");
        Process script = script(output, "--help");

        assertTrue(script.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(output);
        assertEquals(0, script.exitValue(), text);
        assertTrue(text.contains("--infra-only") && text.contains("--port SERVICE=N"), text);
        assertFalse(text.contains("building"), text);
    }

    @Test
    void givenLauncherJvmOptions_whenTheScriptRuns_thenTheLauncherStartsWithThemInsteadOfTheDefaults(@TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("out.txt");
        Process script = script(output, java.util.Map.of("LAUNCHER_JVM_OPTIONS", "-Xmx300m -XX:+NoSuchOptionOfOurs"), "--help");

        assertTrue(script.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(output);
        assertTrue(script.exitValue() != 0, text);
        assertTrue(text.contains("NoSuchOptionOfOurs"), text);
    }

    @Test
    void givenARunningLocalSystem_whenTheScriptIsAskedToStop_thenTheLauncherStopsKafkaAndTheScriptEndsCleanly(
            @TempDir Path data) throws Exception {
        Path output = data.resolve("out.txt");
        Process script = script(output, infraOnFreePorts(data));
        String started = awaitOutput(output, "Ctrl-C stops everything", script);
        assertTrue(started.contains("Kafka up on 127.0.0.1:"), started);
        assertTrue(started.contains("Resident memory"), started);
        List<ProcessHandle> children = script.descendants().toList();
        assertTrue(children.size() >= 2, "launcher and broker run under the script: " + children);
        String launcher = children.stream().map(c -> c.info().commandLine().orElse(""))
                .filter(c -> c.contains("com.complaintdesk.localrun.LocalRun")).findFirst().orElseThrow();
        assertTrue(launcher.contains("-Xmx768m -Xmn256m"), "the store's JVM gets its heap by default: " + launcher);

        script.destroy(); // SIGTERM, as the terminal's Ctrl-C reaches the script

        assertTrue(script.waitFor(90, TimeUnit.SECONDS), "the script ends");
        String text = Files.readString(output);
        assertEquals(0, script.exitValue(), text);
        assertTrue(text.indexOf("stopping Kafka") < text.lastIndexOf("stopped"), text);
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "left running: " + child.info().commandLine().orElse("?"));
        }
    }

    @Test
    void givenARunningLocalSystem_whenTheScriptIsKilled_thenTheLauncherNoticesAndStopsEverything(@TempDir Path data)
            throws Exception {
        Path output = data.resolve("out.txt");
        Process script = script(output, infraOnFreePorts(data));
        awaitOutput(output, "Ctrl-C stops everything", script);
        List<ProcessHandle> children = script.descendants().toList();

        script.destroyForcibly(); // SIGKILL: no chance to forward anything

        for (ProcessHandle child : children) {
            child.onExit().get(90, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "left running: " + child.info().commandLine().orElse("?"));
        }
        assertTrue(Files.readString(data.resolve("logs/kafka.log")).contains("Kafka Server started"));
    }
}
