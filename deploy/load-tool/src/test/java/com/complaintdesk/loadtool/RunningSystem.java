package com.complaintdesk.loadtool;

import com.complaintdesk.testsupport.TestInfrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for the audit test: Kafka and the Mongo-wire store of the shared test infrastructure, and the
 * seven services from their runnable jars as child JVMs on free ports, wired the way deploy/local-run wires them
 * (PORT, MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, the service URLs of the gateway, profile {@code local}).
 * {@code -Dload.jars=DIR} takes the jars from DIR instead. With {@code -Dload.gateway=http://…} and {@code -Dload.kafka=host:port} it uses a system that is already running.
 */
final class RunningSystem implements AutoCloseable {

    private static final String[] SERVICES = {"intake-service", "triage-service", "dispatch-service", "sla-service",
            "followup-service", "reporting-service", "gateway"};
    private static final String[] URL_VARIABLES = {"INTAKE_URL", "TRIAGE_URL", "DISPATCH_URL", "SLA_URL", "FOLLOWUP_URL",
            "REPORTING_URL"};

    private final List<Process> processes = new ArrayList<>();
    private final URI gateway;
    private final String kafka;

    private RunningSystem(URI gateway, String kafka) {
        this.gateway = gateway;
        this.kafka = kafka;
    }

    URI gateway() {
        return gateway;
    }

    String kafka() {
        return kafka;
    }

    static RunningSystem start(Duration timeout) throws Exception {
        String external = System.getProperty("load.gateway");
        if (external != null && !external.isBlank()) {
            return new RunningSystem(URI.create(external), System.getProperty("load.kafka", "127.0.0.1:9092"));
        }
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        Path logs = Path.of("target", "system-logs");
        Files.createDirectories(logs);
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        String mongo = TestInfrastructure.mongoUri("probe").replaceAll("/probe$", "");

        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String s : SERVICES) {
            ports.put(s, freePort());
        }
        RunningSystem system = new RunningSystem(URI.create("http://127.0.0.1:" + ports.get("gateway")), kafka);
        try {
            for (String s : SERVICES) {
                String jarDir = System.getProperty("load.jars"); // a copy, so a rebuild meanwhile cannot pull a jar from under a service
                Path jar = jarDir != null ? Path.of(jarDir, s + "-0.1.0-SNAPSHOT-exec.jar")
                        : root.resolve(s).resolve("target").resolve(s + "-0.1.0-SNAPSHOT-exec.jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -q package -DskipTests)");
                }
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError",
                        "-jar", jar.toString());
                Map<String, String> env = pb.environment();
                env.put("PORT", Integer.toString(ports.get(s)));
                env.put("BIND_ADDRESS", "127.0.0.1");
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
                env.put("MONGODB_URI", mongo + "/load_" + s.replace("-service", ""));
                env.put("SPRING_PROFILES_ACTIVE", "local");
                for (int i = 0; i < URL_VARIABLES.length; i++) {
                    env.put(URL_VARIABLES[i], "http://127.0.0.1:" + ports.get(SERVICES[i]));
                }
                pb.redirectErrorStream(true).redirectOutput(logs.resolve(s + ".log").toFile());
                system.processes.add(pb.start());
            }
            system.awaitReady(ports, timeout, logs);
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    private void awaitReady(Map<String, Integer> ports, Duration timeout, Path logs) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waiting = new ArrayList<>(ports.keySet());
        while (!waiting.isEmpty()) {
            for (int i = 0; i < SERVICES.length; i++) {
                if (waiting.contains(SERVICES[i]) && !processes.get(i).isAlive()) {
                    throw new IllegalStateException(SERVICES[i] + " died at start-up; see " + logs.resolve(SERVICES[i] + ".log").toAbsolutePath());
                }
            }
            waiting.removeIf(s -> ready(http, ports.get(s)));
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + timeout + ": " + waiting);
            }
            Thread.sleep(1000);
        }
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
