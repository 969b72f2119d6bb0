package com.complaintdesk.localrun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to start the local system. Immutable; {@code with...} returns a changed copy. A port of 0 means "any free
 * port" (what the system tests use).
 *
 * @param repoRoot          the repository root; jars are found under {@code <module>/target} unless {@code jarDir} is set
 * @param jarDir            where the {@code *-exec.jar}s are, or null for {@code <repoRoot>/<module>/target}
 * @param kafkaLib          the broker's classpath directory (deploy/local-run/target/lib)
 * @param dataDir           Kafka log dirs, the Mongo-wire store file and the logs; kept across restarts
 * @param host              the address everything listens on (loopback only by default)
 * @param kafkaPort         the broker's client port
 * @param controllerPort    the KRaft controller port
 * @param mongoPort         the Mongo-wire port
 * @param ports             port per service
 * @param services          which services to start (in start order)
 * @param externalKafka     bootstrap servers of a Kafka that is already running, or null to start the embedded broker
 * @param externalMongo     base URI (no database) of a MongoDB that is already running, or null to start the store
 * @param startTimeout      how long all services together may take to become ready
 * @param parallelStarts    how many services start at the same time (the machine may have few cores)
 * @param serviceJvmOptions JVM options of each service
 * @param kafkaJvmOptions   JVM options of the broker
 * @param extraEnv          more environment for every service (e.g. a production-like setting to try)
 * @param progress          where progress lines go
 * @param fullJitServices   services started without {@code -XX:TieredStopAtLevel=1} (C2 compiles their hot code:
 *                          slower start, more memory, faster under load; {@code --benchmark})
 */
public record Options(Path repoRoot, Path jarDir, Path kafkaLib, Path dataDir, String host, int kafkaPort,
                      int controllerPort, int mongoPort, Map<Service, Integer> ports, Set<Service> services,
                      String externalKafka, String externalMongo, Duration startTimeout, int parallelStarts,
                      List<String> serviceJvmOptions, List<String> kafkaJvmOptions, Map<String, String> extraEnv,
                      PrintStream progress, Set<Service> fullJitServices) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of("-Xmx384m", "-Xms64m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    public Options {
        ports = Collections.unmodifiableMap(new EnumMap<>(ports.isEmpty() ? new EnumMap<>(Service.class) : ports));
        services = Collections.unmodifiableSet(services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services));
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        extraEnv = Collections.unmodifiableMap(new LinkedHashMap<>(extraEnv));
        fullJitServices = Collections.unmodifiableSet(fullJitServices.isEmpty() ? EnumSet.noneOf(Service.class)
                : EnumSet.copyOf(fullJitServices));
        if (parallelStarts < 1) {
            throw new IllegalArgumentException("parallelStarts must be at least 1");
        }
        for (Service s : Service.values()) {
            int p = ports.getOrDefault(s, -1);
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("no valid port for " + s.shortName() + ": " + p);
            }
        }
        for (int p : new int[]{kafkaPort, controllerPort, mongoPort}) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("invalid port " + p);
            }
        }
    }

    /** What a user gets: the well-known ports (gateway 8080, services 8081-8086, Kafka 9092, Mongo 27017). */
    public static Options defaults(Path repoRoot) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, s.defaultPort());
        }
        return new Options(repoRoot, null, repoRoot.resolve("deploy/local-run/target/lib"),
                repoRoot.resolve("deploy/local-run/data"), "127.0.0.1", 9092, 9093, 27017, ports,
                EnumSet.allOf(Service.class), null, null, Duration.ofMinutes(6), 4, DEFAULT_SERVICE_JVM_OPTIONS,
                DEFAULT_KAFKA_JVM_OPTIONS, Map.of(), System.out, Set.of());
    }

    /** For tests: every port free (0), the given data dir. */
    public static Options forTests(Path repoRoot, Path dataDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, 0);
        }
        return defaults(repoRoot).withDataDir(dataDir).withKafkaPorts(0, 0).withMongoPort(0).withPorts(ports);
    }

    public Path jarOf(Service service) {
        Path dir = jarDir != null ? jarDir : repoRoot.resolve(service.module()).resolve("target");
        return dir.resolve(service.execJarName(VERSION));
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Options withJarDir(Path dir) {
        return new Options(repoRoot, dir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withKafkaLib(Path dir) {
        return new Options(repoRoot, jarDir, dir, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withDataDir(Path dir) {
        return new Options(repoRoot, jarDir, kafkaLib, dir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withKafkaPorts(int client, int controller) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, client, controller, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withMongoPort(int port) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, port, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withPorts(Map<Service, Integer> newPorts) {
        Map<Service, Integer> merged = new EnumMap<>(ports);
        merged.putAll(newPorts);
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, merged, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withPort(Service service, int port) {
        return withPorts(Map.of(service, port));
    }

    public Options withServices(Set<Service> only) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, only,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    /** Use a Kafka and a MongoDB that already run (Testcontainers, compose) instead of the embedded ones; null keeps embedded. */
    public Options withExternalInfrastructure(String kafkaBootstrap, String mongoBaseUri) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                kafkaBootstrap, mongoBaseUri, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withStartTimeout(Duration timeout) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, timeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withParallelStarts(int n) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, n, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withServiceJvmOptions(List<String> jvmOptions) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, jvmOptions, kafkaJvmOptions, extraEnv, progress, fullJitServices);
    }

    public Options withExtraEnv(Map<String, String> env) {
        Map<String, String> merged = new LinkedHashMap<>(extraEnv);
        merged.putAll(env);
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, merged, progress, fullJitServices);
    }

    public Options withProgress(PrintStream out) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, out, fullJitServices);
    }

    public Options withKafkaJvmOptions(List<String> jvmOptions) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, jvmOptions, extraEnv, progress,
                fullJitServices);
    }

    public Options withFullJit(Set<Service> services) {
        return new Options(repoRoot, jarDir, kafkaLib, dataDir, host, kafkaPort, controllerPort, mongoPort, ports, this.services,
                externalKafka, externalMongo, startTimeout, parallelStarts, serviceJvmOptions, kafkaJvmOptions, extraEnv, progress,
                services);
    }

    /**
     * The services that carry a benchmark's load (every complaint passes through them, and through the gateway): with
     * C2 their hot paths run faster once compiled.
     */
    public static final Set<Service> BENCHMARK_FULL_JIT = EnumSet.of(Service.GATEWAY, Service.INTAKE, Service.TRIAGE,
            Service.DISPATCH, Service.SLA, Service.REPORTING);

    /** The JVM options of one service: {@link #serviceJvmOptions()}, without the C1-only limit for a full-JIT service. */
    public List<String> jvmOptionsOf(Service service) {
        if (!fullJitServices.contains(service)) {
            return serviceJvmOptions;
        }
        return serviceJvmOptions.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel")).toList();
    }

    /**
     * The command line of {@link LocalRun}: {@code --data-dir DIR}, {@code --jar-dir DIR}, {@code --kafka-port N},
     * {@code --controller-port N}, {@code --mongo-port N}, {@code --port SERVICE=N} (repeatable), {@code --services a,b}
     * or {@code --infra-only}, {@code --kafka HOST:PORT} / {@code --mongo URI} (use external ones),
     * {@code --timeout SECONDS}, {@code --parallel N}, {@code --service-jvm-options "..."},
     * {@code --benchmark} (C2 for the services a load passes through, and for the broker) or {@code --full-jit a,b}.
     */
    public static Options parse(String[] args, Path repoRoot) {
        Options o = defaults(repoRoot);
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            String value = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0 && !flag.startsWith("--port=")) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (flag.startsWith("--port=")) {
                value = flag.substring("--port=".length());
                flag = "--port";
            }
            if (flag.equals("--infra-only")) {
                o = o.withServices(EnumSet.noneOf(Service.class));
                continue;
            }
            if (flag.equals("--benchmark")) {
                // the broker too: at 8/s, after four minutes, its request threads took 28 % less CPU with C2
                o = o.withFullJit(BENCHMARK_FULL_JIT).withKafkaJvmOptions(o.kafkaJvmOptions().stream()
                        .filter(opt -> !opt.startsWith("-XX:TieredStopAtLevel")).toList());
                continue;
            }
            if (value == null) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = rest.remove(0);
            }
            o = switch (flag) {
                case "--data-dir" -> o.withDataDir(Path.of(value).toAbsolutePath());
                case "--jar-dir" -> o.withJarDir(Path.of(value).toAbsolutePath());
                case "--kafka-lib" -> o.withKafkaLib(Path.of(value).toAbsolutePath());
                case "--kafka-port" -> o.withKafkaPorts(port(value), o.controllerPort());
                case "--controller-port" -> o.withKafkaPorts(o.kafkaPort(), port(value));
                case "--mongo-port" -> o.withMongoPort(port(value));
                case "--port" -> {
                    String[] kv = value.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--port wants SERVICE=PORT, got " + value);
                    }
                    yield o.withPort(Service.parse(kv[0]), port(kv[1]));
                }
                case "--services" -> o.withServices(serviceList(value));
                case "--kafka" -> o.withExternalInfrastructure(value, o.externalMongo());
                case "--mongo" -> o.withExternalInfrastructure(o.externalKafka(), value.replaceAll("/+$", ""));
                case "--timeout" -> o.withStartTimeout(Duration.ofSeconds(Long.parseLong(value)));
                case "--parallel" -> o.withParallelStarts(Integer.parseInt(value));
                case "--service-jvm-options" -> o.withServiceJvmOptions(List.of(value.trim().split("\\s+")));
                case "--full-jit" -> o.withFullJit(serviceList(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        }
        return o;
    }

    /** "intake,gateway" as a set of services. */
    private static Set<Service> serviceList(String value) {
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                chosen.add(Service.parse(s));
            }
        }
        return chosen;
    }

    private static int port(String value) {
        int p;
        try {
            p = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value);
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("not a port: " + value);
        }
        return p;
    }
}
