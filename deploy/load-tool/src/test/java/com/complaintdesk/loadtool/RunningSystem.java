package com.complaintdesk.loadtool;

import com.complaintdesk.localrun.LocalSystem;
import com.complaintdesk.localrun.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole system for the audit test, started the way the system tests and {@code deploy/run-local.sh} start it:
 * {@link LocalSystem} with free ports and a temporary data directory (a real Kafka broker, the Mongo-wire store and
 * the seven services from their exec jars). {@code -Dload.jars=DIR} takes the jars from DIR (a copy, so a rebuild
 * meanwhile cannot pull a jar from under a running service). With {@code -Dload.gateway=http://…} and
 * {@code -Dload.kafka=host:port} it uses a system that is already running instead.
 */
final class RunningSystem implements AutoCloseable {

    private final URI gateway;
    private final String kafka;
    private final LocalSystem local;
    private final Path dataDir;

    private RunningSystem(URI gateway, String kafka, LocalSystem local, Path dataDir) {
        this.gateway = gateway;
        this.kafka = kafka;
        this.local = local;
        this.dataDir = dataDir;
    }

    URI gateway() {
        return gateway;
    }

    String kafka() {
        return kafka;
    }

    static RunningSystem start(Duration timeout, PrintStream progress) throws IOException {
        String external = System.getProperty("load.gateway");
        if (external != null && !external.isBlank()) {
            return new RunningSystem(URI.create(external), System.getProperty("load.kafka", "127.0.0.1:9092"), null, null);
        }
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Path data = Files.createTempDirectory("load-audit-");
        Options options = Options.forTests(root, data).withStartTimeout(timeout).withProgress(progress);
        String jars = System.getProperty("load.jars");
        if (jars != null && !jars.isBlank()) {
            options = options.withJarDir(Path.of(jars));
        }
        try {
            LocalSystem system = LocalSystem.start(options);
            return new RunningSystem(system.gatewayUrl(), system.kafkaBootstrapServers(), system, data);
        } catch (RuntimeException | Error e) {
            delete(data);
            throw e;
        }
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
        if (dataDir != null) {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
