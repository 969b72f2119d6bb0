package com.complaintdesk.localrun;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

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
        CountDownLatch stopped = new CountDownLatch(1);
        LocalSystem[] holder = new LocalSystem[1];
        Thread hook = new Thread(() -> {
            LocalSystem s;
            synchronized (holder) {
                s = holder[0];
            }
            if (s != null) {
                s.stop();
            }
            stopped.countDown();
        }, "local-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.printf("local-run: data in %s, logs in %s%n", options.dataDir(), options.logDir());
        LocalSystem system;
        try {
            system = LocalSystem.start(options);
        } catch (StartupException e) {
            System.err.println();
            System.err.println("local-run: FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        synchronized (holder) {
            holder[0] = system;
        }
        out.println(banner(system));
        out.flush();

        // watch the children: a service that dies later is reported with the end of its log (nothing restarts it)
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (stopped.getCount() > 0) {
            for (Map.Entry<String, String> dead : system.deadServices().entrySet()) {
                if (reported.add(dead.getKey())) {
                    System.err.println("local-run: " + dead.getKey() + " has stopped; last lines of its log:\n" + dead.getValue());
                }
            }
            Thread.sleep(2000);
        }
    }

    static String banner(LocalSystem system) {
        String gw = system.gatewayUrl().toString();
        StringBuilder b = new StringBuilder();
        b.append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "All up in %.1f s. Kafka %s, MongoDB %s%n",
                system.startupTime().toMillis() / 1000.0, system.kafkaBootstrapServers(), system.mongoUri("<service>")));
        long total = 0;
        b.append("Resident memory (VmRSS):").append(System.lineSeparator());
        for (Map.Entry<String, Long> e : system.residentMemoryKiB().entrySet()) {
            total += e.getValue();
            b.append(String.format(Locale.ROOT, "  %-24s %8s%n", e.getKey(), ProcStatus.megabytes(e.getValue())));
        }
        b.append(String.format(Locale.ROOT, "  %-24s %8s%n", "total", ProcStatus.megabytes(total)));
        if (system.options().services().contains(Service.GATEWAY)) {
            b.append(System.lineSeparator()).append("Gateway: ").append(gw).append(System.lineSeparator());
            b.append(System.lineSeparator()).append("""
                    # register a complaint (channel front end, API key) -> 201 {"complaintNumber":"C-...", ...}
                    curl -s -X POST GW/api/v1/complaints -H 'X-Api-Key: local-dev-key' -H 'Content-Type: application/json' \\
                      -d '{"channel":"PHONE","complainant":{"name":"张三","phone":"13800138000","type":"CONSUMER"},"content":"上周买的电饭煲用了两次就不能加热了,要求换货。","subject":"3F 家电区","requestedRemedies":["EXCHANGE"]}'

                    # the complainant's view (last 4 digits of the phone)
                    curl -s -H 'X-Api-Key: local-dev-key' 'GW/api/v1/complaints/C-yyyyMMdd-nnnnnn/status?verify=8000'

                    # a staff token (local run only), then the ledger entry (a minute later: DISPATCHED, department, handler)
                    TOKEN=$(curl -s -X POST GW/api/v1/auth/dev-token -H 'Content-Type: application/json' \\
                      -d '{"userId":"u1","roles":["TRIAGE_OFFICER"],"department":"SERVICE_DESK"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
                    curl -s -H "Authorization: Bearer $TOKEN" GW/api/v1/ledger/C-yyyyMMdd-nnnnnn

                    API docs: GW/swagger-ui.html
                    """.replace("GW", gw));
        }
        b.append("Logs: ").append(system.options().logDir()).append(System.lineSeparator());
        b.append("Ctrl-C stops everything.");
        return b.toString();
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
                To start from scratch, stop the run and delete the data dir.""";
    }
}
