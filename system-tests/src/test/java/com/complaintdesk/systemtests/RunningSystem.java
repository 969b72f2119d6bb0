package com.complaintdesk.systemtests;

import com.complaintdesk.localrun.LocalSystem;
import com.complaintdesk.localrun.Options;
import com.complaintdesk.localrun.Service;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;

/**
 * The whole system as the tests see it: the gateway's URL and Kafka's bootstrap servers. Started with deploy/local-run's
 * {@link LocalSystem} on free ports and a temporary data dir, from copies of the services' runnable jars (so a rebuild
 * of a module meanwhile cannot pull a jar from under a running service). Progress lines and, on failure, the end of
 * each log go to {@code target/system-logs/}.
 * <p>
 * {@code -Dsystem.gateway=http://127.0.0.1:8080 -Dsystem.kafka=127.0.0.1:9092} runs the tests against a system that
 * is already running (e.g. deploy/run-local.sh) instead.
 */
public final class RunningSystem implements AutoCloseable {

    /** The repository root: surefire runs in system-tests/. */
    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private final URI gateway;
    private final String kafka;
    private final LocalSystem system;
    private final Path dataDir;

    private RunningSystem(URI gateway, String kafka, LocalSystem system, Path dataDir) {
        this.gateway = gateway;
        this.kafka = kafka;
        this.system = system;
        this.dataDir = dataDir;
    }

    public URI gateway() {
        return gateway;
    }

    public String kafka() {
        return kafka;
    }

    /** Services that died after start-up, with the end of their logs (for failure messages). */
    public Map<String, String> deadServices() {
        return system == null ? Map.of() : system.deadServices();
    }

    /**
     * Starts the seven services against the embedded infrastructure (Kafka broker + Mongo-wire store, as
     * deploy/run-local.sh does), or against a Kafka and a MongoDB that already run when both are given.
     */
    static RunningSystem start(String externalKafka, String externalMongo) {
        String gatewayProperty = System.getProperty("system.gateway");
        if (gatewayProperty != null && !gatewayProperty.isBlank()) {
            return new RunningSystem(URI.create(gatewayProperty), System.getProperty("system.kafka", "127.0.0.1:9092"),
                    null, null);
        }
        try {
            Path data = Files.createTempDirectory("complaint-desk-system-");
            Path jars = Files.createDirectories(data.resolve("jars"));
            for (Service s : Service.values()) {
                Path built = REPO.resolve(s.module()).resolve("target").resolve(s.execJarName(Options.VERSION));
                if (Files.isRegularFile(built)) {
                    Files.copy(built, jars.resolve(built.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path logs = Files.createDirectories(Path.of("target", "system-logs"));
            PrintStream progress = new PrintStream(Files.newOutputStream(logs.resolve("progress.log")), true,
                    StandardCharsets.UTF_8);
            Options options = Options.forTests(REPO, data)
                    .withJarDir(jars)
                    .withKafkaLib(REPO.resolve("deploy/local-run/target/lib"))
                    .withExternalInfrastructure(externalKafka, externalMongo)
                    .withStartTimeout(Duration.ofMinutes(7))
                    .withProgress(progress);
            LocalSystem system;
            try {
                system = LocalSystem.start(options);
            } catch (RuntimeException e) {
                copyLogs(data, logs);
                deleteTree(data);
                throw e;
            }
            progress.println("startup " + system.startupTime().toMillis() + " ms, RSS KiB " + system.residentMemoryKiB());
            return new RunningSystem(system.gatewayUrl(), system.kafkaBootstrapServers(), system, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (system != null) {
            system.stop();
            copyLogs(dataDir, Path.of("target", "system-logs"));
            deleteTree(dataDir);
        }
    }

    private static void copyLogs(Path data, Path logs) {
        try (var files = Files.list(data.resolve("logs"))) {
            for (Path f : files.toList()) {
                Files.copy(f, logs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // logs are a courtesy; the test result stands without them
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test for
        }
    }
}
