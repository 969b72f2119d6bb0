package com.complaintdesk.localrun;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -cp 'deploy/local-run/target/local-run.jar:deploy/local-run/target/lib/*' com.complaintdesk.localrun.LocalRun}
 * (what deploy/run-local.sh runs): starts the whole system, prints where the gateway is and how to call it, and
 * stops everything on Ctrl-C. Exits non-zero when something does not come up.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(usage());
            return;
        }
        Options options;
        try {
            options = Options.parse(args, repoRoot());
        } catch (IllegalArgumentException e) {
            System.err.println("local-run: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        LocalSystem system = LocalSystem.prepare(options);
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            system.stop();
        }, "local-run-shutdown"));
        watchParent();

        out.printf("local-run: data in %s, logs in %s%n", options.dataDir(), options.logDir());
        try {
            system.startUp();
        } catch (RuntimeException e) {
            if (stopping.getCount() == 0) {
                return; // Ctrl-C while starting: the shutdown hook stops what was started
            }
            System.err.println();
            System.err.println("local-run: FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        out.println(banner(system));
        out.flush();

        // watch the children: a service that dies later is reported with the end of its log (nothing restarts it)
        Set<String> reported = new HashSet<>();
        while (!stopping.await(2, TimeUnit.SECONDS)) {
            for (Map.Entry<String, String> dead : system.deadServices().entrySet()) {
                if (reported.add(dead.getKey())) {
                    System.err.println("local-run: " + dead.getKey() + " has stopped; last lines of its log:\n" + dead.getValue());
                }
            }
        }
    }

    /**
     * deploy/run-local.sh runs the launcher in its own session and passes its pid in LOCAL_RUN_PARENT_PID: if the
     * script goes away without forwarding a signal (killed, terminal closed), the launcher stops everything itself.
     */
    private static void watchParent() {
        String parent = System.getenv("LOCAL_RUN_PARENT_PID");
        if (parent == null || parent.isBlank()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parent.trim()));
        if (handle.isEmpty()) {
            return;
        }
        Thread watcher = new Thread(() -> {
            handle.get().onExit().join();
            System.err.println("local-run: the starting script has gone; stopping everything");
            System.exit(0);
        }, "local-run-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static String banner(LocalSystem system) {
        String gw = system.gatewayUrl().toString();
        StringBuilder b = new StringBuilder();
        b.append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "All up in %.1f s. Kafka %s, MongoDB %s%n",
                system.startupTime().toMillis() / 1000.0, system.kafkaBootstrapServers(), system.mongoUri("<service>")));
        Map<String, Long> rss = system.residentMemoryKiB();
        if (rss.isEmpty()) {
            b.append("Resident memory: not available here (reads /proc/<pid>/status, Linux only)").append(System.lineSeparator());
        } else {
            long total = 0;
            b.append("Resident memory (VmRSS):").append(System.lineSeparator());
            for (Map.Entry<String, Long> e : rss.entrySet()) {
                total += e.getValue();
                b.append(String.format(Locale.ROOT, "  %-24s %8s%n", e.getKey(), ProcStatus.megabytes(e.getValue())));
            }
            b.append(String.format(Locale.ROOT, "  %-24s %8s%n", "total", ProcStatus.megabytes(total)));
        }
        if (system.options().services().contains(Service.GATEWAY)) {
            b.append(System.lineSeparator()).append("Gateway: ").append(gw).append(System.lineSeparator());
            b.append(System.lineSeparator()).append(exampleCalls().replace("GW", gw));
        }
        b.append("Logs: ").append(system.options().logDir()).append(System.lineSeparator());
        b.append("Ctrl-C stops everything.");
        return b.toString();
    }

    private static String exampleCalls() {
        try (var in = LocalRun.class.getResourceAsStream("/example-calls.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The repository: LOCAL_RUN_REPO, else the working directory if it has deploy/local-run, else from this jar's place. */
    static Path repoRoot() {
        String env = System.getenv("LOCAL_RUN_REPO");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("deploy/local-run"))) {
            return cwd;
        }
        try {
            Path code = Path.of(LocalRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../deploy/local-run/target/local-run.jar or .../deploy/local-run/target/classes
            Path candidate = code.getParent().getParent().getParent().getParent();
            if (candidate != null && Files.isDirectory(candidate.resolve("deploy/local-run"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return cwd;
    }

    static String usage() {
        return """
                usage: deploy/run-local.sh [options]     (or: java -cp 'deploy/local-run/target/local-run.jar:deploy/local-run/target/lib/*' com.complaintdesk.localrun.LocalRun [options])
                  --data-dir DIR          Kafka data, Mongo-wire store file and logs (default deploy/local-run/data; kept across restarts)
                  --kafka-port N          Kafka client port (default 9092; 0 = any free port)
                  --controller-port N     Kafka KRaft controller port (default 9093)
                  --mongo-port N          Mongo-wire port (default 27017)
                  --port SERVICE=N        a service's port, e.g. --port gateway=18080 (defaults: gateway 8080, intake 8081 ... reporting 8086)
                  --services a,b,...      start only these (intake, triage, dispatch, sla, followup, reporting, gateway)
                  --infra-only            only Kafka and the Mongo-wire store (run services from your IDE against them)
                  --kafka HOST:PORT       use a running Kafka instead of starting one
                  --mongo URI             use a running MongoDB (base URI, no database) instead of the embedded store
                  --jar-dir DIR           take the *-exec.jar files from DIR instead of <module>/target
                  --timeout SECONDS       how long the services may take to become ready (default 360)
                  --parallel N            how many services start at once (default 4)
                  --service-jvm-options "..."  JVM options of each service (default -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k ...)
                  --benchmark             for a load test: C2 (no TieredStopAtLevel=1) in the gateway, intake, triage, dispatch, sla, reporting and the Kafka broker
                  --full-jit a,b,...      C2 in just these services (slower start, ~+30 MiB each, faster once warm)
                To start from scratch, stop the run and delete the data dir.""";
    }
}
