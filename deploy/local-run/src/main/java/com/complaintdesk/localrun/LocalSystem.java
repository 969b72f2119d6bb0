package com.complaintdesk.localrun;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The whole local system: a real Kafka broker (KRaft), the Mongo-wire store (H2 file) and the services as child JVMs
 * from their runnable jars, each told where everything is through the environment (PORT, MONGODB_URI,
 * KAFKA_BOOTSTRAP_SERVERS, the gateway's service URLs, profile {@code local}). {@link LocalRun} is its command line;
 * the system tests start it the same way with free ports and a temporary data dir.
 * <p>
 * {@link #start} returns once every service answers {@code /actuator/health/readiness} with UP, or throws a
 * {@link StartupException} (with the end of the failing log) after stopping what it had started.
 */
public final class LocalSystem implements AutoCloseable {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(120);

    private final Options options;
    private final PrintStream out;
    private final long startedNanos = System.nanoTime();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, ChildProcess> services = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private MongoWireStore mongo;
    private KafkaBroker kafka;
    private ChildProcess kafkaProcess;
    private String kafkaBootstrap;
    private String mongoBaseUri;
    private Duration startupTime;
    private volatile boolean stopped;
    /** Stops the children when this JVM ends without {@link #stop} (a test JVM that exits or is terminated). */
    private final Thread exitHook = new Thread(this::stop, "local-system-stop");

    private LocalSystem(Options options) {
        this.options = options;
        this.out = options.progress();
    }

    /** Starts the whole system and returns once all is ready; on failure stops what it started and throws. */
    public static LocalSystem start(Options options) {
        return prepare(options).startUp();
    }

    /** A system not started yet: {@link #stop} may be called from another thread (Ctrl-C) while {@link #startUp} runs. */
    public static LocalSystem prepare(Options options) {
        return new LocalSystem(options);
    }

    public LocalSystem startUp() {
        Runtime.getRuntime().addShutdownHook(exitHook);
        try {
            startAll();
            return this;
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    private void checkNotStopped() {
        if (stopped) {
            throw new StartupException("stopped while starting");
        }
    }

    private void startAll() throws IOException {
        Files.createDirectories(options.logDir());
        checkJars();
        for (Service s : options.services()) {
            ports.put(s, resolvePort("the " + s.module(), options.ports().get(s)));
        }
        if (options.externalMongo() != null) {
            mongoBaseUri = options.externalMongo();
            progress("MongoDB: using %s", mongoBaseUri);
        } else {
            int port = resolvePort("the Mongo-wire store", options.mongoPort());
            checkNotStopped();
            MongoWireStore store = MongoWireStore.start(options.dataDir(), options.host(), port);
            synchronized (this) {
                mongo = store;
            }
            checkNotStopped();
            mongoBaseUri = mongo.baseUri();
            progress("Mongo-wire store (H2 file %s) up on %s", options.dataDir().resolve("mongo"), mongoBaseUri);
        }
        if (options.externalKafka() != null) {
            kafkaBootstrap = options.externalKafka();
            progress("Kafka: using %s", kafkaBootstrap);
        } else {
            int port = resolvePort("Kafka", options.kafkaPort());
            int controller = resolvePort("the Kafka controller", options.controllerPort());
            progress("starting Kafka %s (KRaft, data in %s) ...", "4.1.2", options.dataDir().resolve("kafka"));
            checkNotStopped();
            kafka = KafkaBroker.start(options, port, controller, KAFKA_TIMEOUT, this::adopt, () -> stopped);
            kafkaBootstrap = kafka.bootstrapServers();
            progress("Kafka up on %s", kafkaBootstrap);
        }
        startServices();
        startupTime = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void checkJars() {
        List<String> missing = options.services().stream().map(options::jarOf).filter(j -> !Files.isRegularFile(j))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new StartupException("runnable jars missing (build first: ./mvnw -q -DskipTests install, or "
                    + "deploy/run-local.sh):\n  " + String.join("\n  ", missing));
        }
    }

    /** Ports picked for "any port" in this run, so no two parts get the same one before either has bound it. */
    private final java.util.Set<Integer> chosenPorts = new java.util.HashSet<>();

    private int resolvePort(String what, int wanted) throws IOException {
        if (wanted == 0) {
            int port = freePortBelowEphemeralRange(options.host(), chosenPorts);
            chosenPorts.add(port);
            return port;
        }
        if (KafkaBroker.portOpen(options.host(), wanted)) {
            throw new StartupException("port " + wanted + " on " + options.host() + " for " + what + " is already in use "
                    + "(another local run still running? stop it, or pick other ports: --help)");
        }
        return wanted;
    }

    /**
     * A free port for "any port" (0). Not the kernel's choice: it comes from the ephemeral range, the same range every
     * outgoing connection (Kafka clients, Mongo drivers, HTTP) takes its local port from, so in the seconds between
     * choosing a port and the service binding it, a connection could take it ("Port … was already in use"). Ports below
     * that range are only ever taken by a listener asking for them by number.
     */
    static int freePortBelowEphemeralRange(String host, java.util.Set<Integer> alreadyChosen) throws IOException {
        int ephemeralLow = 32768;
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            ephemeralLow = Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            // keep the usual Linux default
        }
        java.net.InetAddress address = java.net.InetAddress.getByName(host);
        if (ephemeralLow > 12_000) {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = random.nextInt(10_000, ephemeralLow);
                if (alreadyChosen.contains(port)) {
                    continue;
                }
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(false);
                    s.bind(new java.net.InetSocketAddress(address, port), 1);
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    private void startServices() throws IOException {
        if (options.services().isEmpty()) {
            return;
        }
        Deque<Service> queue = new ArrayDeque<>(options.services());
        List<Service> starting = new ArrayList<>();
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        long nextWaitingLine = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!queue.isEmpty() || !starting.isEmpty()) {
            while (!queue.isEmpty() && starting.size() < options.parallelStarts()) {
                Service s = queue.poll();
                synchronized (this) {
                    checkNotStopped();
                    services.put(s, launch(s));
                }
                starting.add(s);
                progress("starting %s on :%d ...", s.module(), ports.get(s));
            }
            checkNotStopped();
            for (Service s : List.copyOf(starting)) {
                ChildProcess p = services.get(s);
                if (!p.isAlive()) {
                    throw new StartupException(s.module() + " exited at start-up (exit " + p.exitCode().orElse(-1)
                            + "); last lines of " + p.log() + ":\n" + p.tail(40));
                }
                if (ready(ports.get(s))) {
                    starting.remove(s);
                    progress("%s up on http://%s:%d", s.module(), options.host(), ports.get(s));
                }
            }
            if (System.nanoTime() > deadline) {
                String tails = starting.stream().map(s -> "---- " + s.module() + " (" + services.get(s).log() + "):\n"
                        + services.get(s).tail(25)).collect(Collectors.joining("\n"));
                throw new StartupException("not ready within " + options.startTimeout().toSeconds() + " s: "
                        + starting.stream().map(Service::module).toList() + (queue.isEmpty() ? "" : ", not started: " + queue)
                        + "\n" + tails);
            }
            if (!starting.isEmpty() && System.nanoTime() > nextWaitingLine) {
                progress("waiting for %s", starting.stream().map(Service::shortName).collect(Collectors.joining(", ")));
                nextWaitingLine = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            if (!starting.isEmpty()) {
                sleep(500);
            }
        }
    }

    /** The broker's JVM, known from its launch on, so a stop during its start-up ends it too. */
    private synchronized void adopt(ChildProcess broker) {
        if (stopped) {
            broker.requestStop();
        }
        kafkaProcess = broker;
    }

    private ChildProcess launch(Service s) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable().toString());
        command.addAll(options.jvmOptionsOf(s));
        command.add("-jar");
        command.add(options.jarOf(s).toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(ports.get(s)));
        env.put("BIND_ADDRESS", options.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        String database = s.database().orElse("gateway");
        env.put("MONGODB_URI", mongoUri(database));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        if (options.externalMongo() == null) {
            // the Mongo-wire store uses an index only for a query on exactly its fields: (_id, version) and
            // (_id, outboxLeaseUntil) spare a full collection read per optimistic-locking save and per relay step
            env.put("KIT_OUTBOX_IDINDEXES", "true"); // kit.outbox.id-indexes
        }
        for (Service other : Service.values()) {
            other.urlVariable().ifPresent(variable -> env.put(variable, serviceUrl(other)));
        }
        env.putAll(options.extraEnv());
        return ChildProcess.start(s.module(), command, env, options.dataDir().resolve("work").resolve(s.shortName()),
                options.logDir().resolve(s.module() + ".log"));
    }

    private String serviceUrl(Service s) {
        int port = ports.getOrDefault(s, options.ports().get(s));
        return "http://" + options.host() + ":" + port;
    }

    private boolean ready(int port) {
        for (String path : List.of("/actuator/health/readiness", "/actuator/health")) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + options.host() + ":" + port + path))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    continue; // no probe group: the plain health endpoint decides
                }
                return r.statusCode() == 200 && r.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting for the services");
            }
        }
        return false;
    }

    private void progress(String format, Object... args) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", seconds, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for the services");
        }
    }

    public URI gatewayUrl() {
        return URI.create(serviceUrl(Service.GATEWAY));
    }

    public URI url(Service s) {
        return URI.create(serviceUrl(s));
    }

    public int port(Service s) {
        return ports.get(s);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** The URI of one database on the system's Mongo (e.g. {@code mongoUri("intake")}). */
    public String mongoUri(String database) {
        return mongoBaseUri + "/" + database;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Options options() {
        return options;
    }

    /** A service that died after start-up, with the end of its log; empty while all run. */
    public Map<String, String> deadServices() {
        Map<String, String> dead = new LinkedHashMap<>();
        if (stopped) {
            return dead; // stopping: every child is meant to end
        }
        if (kafka != null && !kafka.process().isAlive()) {
            dead.put("kafka", kafka.process().tail(30));
        }
        Map<Service, ChildProcess> snapshot;
        synchronized (this) {
            snapshot = new EnumMap<>(services);
        }
        snapshot.forEach((s, p) -> {
            if (!p.isAlive()) {
                dead.put(s.module(), p.tail(30));
            }
        });
        return dead;
    }

    /** Resident memory (KiB) of every process of the system; the launcher's own JVM holds the Mongo-wire store. */
    public Map<String, Long> residentMemoryKiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        ProcStatus.rssKiB(ProcessHandle.current().pid())
                .ifPresent(v -> rss.put(mongo != null ? "launcher + mongo-wire" : "launcher", v));
        if (kafka != null) {
            kafka.process().rssKiB().ifPresent(v -> rss.put("kafka", v));
        }
        Map<Service, ChildProcess> snapshot;
        synchronized (this) {
            snapshot = new EnumMap<>(services);
        }
        snapshot.forEach((s, p) -> {
            OptionalLong v = p.rssKiB();
            v.ifPresent(kib -> rss.put(s.module(), kib));
        });
        return rss;
    }

    /** Stops the services (SIGTERM, then kill after a grace period), then Kafka, then the Mongo-wire store. */
    public void stop() {
        List<ChildProcess> running;
        ChildProcess broker;
        MongoWireStore store;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (Thread.currentThread() != exitHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(exitHook);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the JVM is already shutting down, or the hook was never added: nothing to undo
                }
            }
            running = services.values().stream().filter(ChildProcess::isAlive).toList();
            broker = kafkaProcess;
            store = mongo;
        }
        if (!running.isEmpty()) {
            progress("stopping %d services ...", running.size());
        }
        running.forEach(ChildProcess::requestStop);
        running.forEach(p -> p.awaitStopped(Duration.ofSeconds(20)));
        if (broker != null && broker.isAlive()) {
            progress("stopping Kafka ...");
            broker.requestStop();
            broker.awaitStopped(Duration.ofSeconds(30));
        }
        if (store != null) {
            store.close();
        }
        progress("stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
