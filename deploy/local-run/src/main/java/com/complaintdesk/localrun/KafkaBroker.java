package com.complaintdesk.localrun;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller combined) as a child JVM on its own
 * classpath (deploy/local-run/target/lib: Kafka's own dependency versions, not Spring Boot's). Its log dirs live in
 * {@code <data>/kafka} and survive restarts; the storage is formatted once, with a random cluster id.
 */
final class KafkaBroker {

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    ChildProcess process() {
        return process;
    }

    static KafkaBroker start(Options options, int port, int controllerPort, Duration timeout,
                             java.util.function.Consumer<ChildProcess> launched,
                             java.util.function.BooleanSupplier abandoned) throws IOException {
        Path lib = options.kafkaLib();
        if (!Files.isDirectory(lib) || !hasKafkaJar(lib)) {
            throw new StartupException("the broker's classpath " + lib + " is missing or has no kafka_2.13 jar: build it "
                    + "with ./mvnw -q -pl deploy/local-run package -DskipTests (deploy/run-local.sh does)");
        }
        Path home = options.dataDir().resolve("kafka");
        Path logDirs = home.resolve("logs");
        Files.createDirectories(logDirs);
        Path config = home.resolve("server.properties");
        Files.writeString(config, serverProperties(options.host(), port, controllerPort, logDirs), StandardCharsets.UTF_8);
        Path log = options.logDir().resolve("kafka.log");
        String classpath = lib.toAbsolutePath() + java.io.File.separator + "*";

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(classpath, config, home, options.logDir().resolve("kafka-format.log"));
        }

        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable().toString());
        command.addAll(options.kafkaJvmOptions());
        command.addAll(List.of(
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dlog4j2.level=WARN",
                "-cp", classpath, "kafka.Kafka", config.toString()));
        ChildProcess child = ChildProcess.start("kafka", command, Map.of(), home, log);
        launched.accept(child);
        String bootstrap = options.host() + ":" + port;
        KafkaBroker broker = new KafkaBroker(child, bootstrap);
        try {
            broker.awaitReady(options.host(), port, timeout, abandoned);
        } catch (RuntimeException e) {
            broker.process.requestStop();
            broker.process.awaitStopped(Duration.ofSeconds(10));
            throw e;
        }
        return broker;
    }

    private static boolean hasKafkaJar(Path lib) throws IOException {
        try (var files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13-"));
        }
    }

    /** One node, combined broker + controller, loopback only; single-replica internal topics. */
    static String serverProperties(String host, int port, int controllerPort, Path logDirs) {
        return String.join("\n",
                "# written by deploy/local-run at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath().toString().replace('\\', '/'),
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "") ;
    }

    private static void format(String classpath, Path config, Path home, Path log) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = List.of(ChildProcess.javaExecutable().toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString());
        ChildProcess child = ChildProcess.start("kafka-storage-format", command, Map.of(), home, log);
        boolean done = child.awaitStopped(Duration.ofSeconds(120));
        if (!done || child.exitCode().orElse(-1) != 0) {
            throw new StartupException("formatting the Kafka storage failed (exit " + child.exitCode().orElse(-1)
                    + "):\n" + child.tail(30));
        }
    }

    private void awaitReady(String host, int port, Duration timeout, java.util.function.BooleanSupplier abandoned) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen(host, port)) {
            failIfDead(abandoned);
            if (System.nanoTime() > deadline) {
                throw new StartupException("Kafka did not open " + host + ":" + port + " within " + timeout.toSeconds()
                        + " s; last lines of " + process.log() + ":\n" + process.tail(40));
            }
            sleep(200);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                failIfDead(abandoned);
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new StartupException("interrupted while waiting for Kafka");
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupException("Kafka did not answer within " + timeout.toSeconds() + " s; last lines of "
                            + process.log() + ":\n" + process.tail(40));
                }
                sleep(500);
            }
        }
    }

    private void failIfDead(java.util.function.BooleanSupplier abandoned) {
        if (abandoned.getAsBoolean()) {
            throw new StartupException("stopped while starting");
        }
        if (!process.isAlive()) {
            throw new StartupException("Kafka exited at start-up (exit " + process.exitCode().orElse(-1) + "); last lines of "
                    + process.log() + ":\n" + process.tail(40));
        }
    }

    static boolean portOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for Kafka");
        }
    }
}
