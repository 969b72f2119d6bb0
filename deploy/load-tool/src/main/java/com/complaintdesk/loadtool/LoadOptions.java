package com.complaintdesk.loadtool;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a run can be told, from the command line ({@code --name value} or {@code --name=value}) or built in code
 * (the audit test). Defaults are a modest run against the local system of {@code deploy/run-local.sh}.
 *
 * @param gateway          the gateway base URL; the tool talks to the system only through it (and Kafka for the audit)
 * @param kafka            bootstrap servers of the broker the services use
 * @param apiKey           channel front-end key ({@code X-Api-Key})
 * @param rate             open model: complaints started per second at a constant arrival rate (0 = closed model)
 * @param concurrency      closed model: that many senders, each waiting for its answer before the next POST
 * @param duration         how long to send (ignored when {@code count} is set)
 * @param count            how many complaints to send (0 = by duration)
 * @param warmup           the first part of the run: its complaints are audited but not timed (JIT, connection pools)
 * @param drainTimeout     how long to wait after the last POST for stragglers before judging
 * @param requestTimeout   per-POST timeout; a timed-out POST is retried with the same Idempotency-Key
 * @param retries          retries of a POST that timed out, failed to connect or got 429/502/503/504
 * @param maxInFlight      open model: cap of concurrent POSTs (a late start still counts from its intended time)
 * @param ledgerSample     share of acknowledged complaints polled in the ledger while the run goes on (latency)
 * @param ledgerPoll       polling period for those
 * @param ledgerAudit      {@code all}, {@code none} or a share such as {@code 0.1}: complaints checked in the ledger at the end
 * @param ledgerParallel   concurrent GETs of the final ledger audit
 * @param majorShare       share of complaints carrying a MAJOR trigger (媒体/律师/消协/12315/人身伤害/三万元)
 * @param evidenceShare    share of complaints with a small image attached (those asking for refund/exchange/compensation always have one)
 * @param collectiveShare  share of complaints that are members of a collective burst (5–8 complainants, same matter)
 * @param englishShare     share of English texts (the rest Chinese)
 * @param seed             random seed of the generated mix
 * @param progressEvery    period of the progress line
 * @param staffRoles       roles of the dev token used for the ledger (its department is HR, so it also reads confidential HR complaints)
 * @param reportFile       if set, the final table is also written there (Markdown)
 * @param quiet            no progress lines
 */
public record LoadOptions(
        URI gateway,
        String kafka,
        String apiKey,
        double rate,
        int concurrency,
        Duration duration,
        long count,
        Duration warmup,
        Duration drainTimeout,
        Duration requestTimeout,
        int retries,
        int maxInFlight,
        double ledgerSample,
        Duration ledgerPoll,
        String ledgerAudit,
        int ledgerParallel,
        double majorShare,
        double evidenceShare,
        double collectiveShare,
        double englishShare,
        long seed,
        Duration progressEvery,
        List<String> staffRoles,
        Path reportFile,
        boolean quiet) {

    public LoadOptions {
        if (rate <= 0 && concurrency <= 0) {
            throw new IllegalArgumentException("give --rate (complaints/s) or --concurrency (senders)");
        }
        if (count <= 0 && (duration == null || duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("give --duration or --count");
        }
        for (double share : new double[]{ledgerSample, majorShare, evidenceShare, collectiveShare, englishShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("shares are between 0 and 1, got " + share);
            }
        }
        if (!ledgerAudit.equals("all") && !ledgerAudit.equals("none")) {
            double s = Double.parseDouble(ledgerAudit);
            if (s < 0 || s > 1) {
                throw new IllegalArgumentException("--ledger-audit is all, none or a share between 0 and 1");
            }
        }
        staffRoles = List.copyOf(staffRoles);
    }

    /** The defaults: 50 complaints/s for 30 s against the local system. */
    public static LoadOptions defaults() {
        return parse(new String[0]);
    }


    /** Share of complaints checked in the ledger at the end (1 for {@code all}, 0 for {@code none}). */
    public double ledgerAuditShare() {
        return switch (ledgerAudit) {
            case "all" -> 1.0;
            case "none" -> 0.0;
            default -> Double.parseDouble(ledgerAudit);
        };
    }

    public boolean openModel() {
        return rate > 0;
    }

    public static LoadOptions parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                rest.add(a);
                continue;
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("quiet") || name.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            v.put(name, value);
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + rest);
        }
        List<String> known = List.of("gateway", "kafka", "api-key", "rate", "concurrency", "duration", "count",
                "warmup", "drain-timeout", "request-timeout", "retries", "max-in-flight", "ledger-sample", "ledger-poll",
                "ledger-audit", "ledger-parallel", "major-share", "evidence-share", "collective-share", "english-share",
                "seed", "progress-every", "staff-roles", "report", "quiet", "help");
        for (String k : v.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k + " (see --help)");
            }
        }
        boolean closed = v.containsKey("concurrency") && !v.containsKey("rate");
        return new LoadOptions(
                URI.create(stripSlash(v.getOrDefault("gateway", "http://127.0.0.1:8080"))),
                v.getOrDefault("kafka", "127.0.0.1:9092"),
                v.getOrDefault("api-key", "local-dev-key"),
                closed ? 0 : Double.parseDouble(v.getOrDefault("rate", "50")),
                Integer.parseInt(v.getOrDefault("concurrency", "0")),
                duration(v.getOrDefault("duration", "30s")),
                Long.parseLong(v.getOrDefault("count", "0")),
                duration(v.getOrDefault("warmup", "0s")),
                duration(v.getOrDefault("drain-timeout", "60s")),
                duration(v.getOrDefault("request-timeout", "10s")),
                Integer.parseInt(v.getOrDefault("retries", "2")),
                Integer.parseInt(v.getOrDefault("max-in-flight", "512")),
                Double.parseDouble(v.getOrDefault("ledger-sample", "0.02")),
                duration(v.getOrDefault("ledger-poll", "200ms")),
                v.getOrDefault("ledger-audit", "all").toLowerCase(Locale.ROOT),
                Integer.parseInt(v.getOrDefault("ledger-parallel", "8")),
                Double.parseDouble(v.getOrDefault("major-share", "0.08")),
                Double.parseDouble(v.getOrDefault("evidence-share", "0.15")),
                Double.parseDouble(v.getOrDefault("collective-share", "0.03")),
                Double.parseDouble(v.getOrDefault("english-share", "0.3")),
                Long.parseLong(v.getOrDefault("seed", "20261128")),
                duration(v.getOrDefault("progress-every", "5s")),
                List.of(v.getOrDefault("staff-roles", "ADMIN,HQ_ANALYST").split(",")),
                v.containsKey("report") ? Path.of(v.get("report")) : null,
                Boolean.parseBoolean(v.getOrDefault("quiet", "false")));
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h} or plain seconds. */
    static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        if (t.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static final String USAGE = """
            Load tool and zero-loss audit: drives the gateway like channel front ends, then checks that every
            acknowledged complaint was dispatched exactly once (Kafka topic complaints.dispatch) and is in the ledger.

              java -jar deploy/load-tool/target/load-tool.jar [options]

              --gateway URL           gateway base URL                    (http://127.0.0.1:8080)
              --kafka HOST:PORT       Kafka bootstrap servers             (127.0.0.1:9092)
              --api-key KEY           channel key, X-Api-Key              (local-dev-key)
              --rate N                open model: N complaints/s, constant arrival rate (50)
              --concurrency N         closed model: N senders instead of a rate
              --duration D            how long to send, e.g. 60s, 2m     (30s)
              --count N               send N complaints instead of a duration
              --warmup D              first part of the run audited but not timed (0s)
              --drain-timeout D       wait this long for stragglers      (60s)
              --request-timeout D     per POST                            (10s)
              --retries N             retries of a failed POST, same Idempotency-Key (2)
              --max-in-flight N       open model: cap of concurrent POSTs (512)
              --ledger-sample F       share polled in the ledger during the run, for latency (0.02)
              --ledger-poll D         poll period of those                (200ms)
              --ledger-audit all|none|F  complaints checked in the ledger at the end (all)
              --ledger-parallel N     concurrent GETs of that check       (8)
              --major-share F         MAJOR triggers                      (0.08)
              --evidence-share F      complaints with an image            (0.15; refund/exchange/compensation always)
              --collective-share F    members of collective bursts        (0.03)
              --english-share F       English texts                       (0.3)
              --seed N                random seed                         (20261128)
              --progress-every D      progress line period                (5s)
              --staff-roles R1,R2     roles of the dev token for the ledger (ADMIN,HQ_ANALYST)
              --report FILE           also write the result table (Markdown) to FILE
              --quiet                 no progress lines

            Exit code 0 when the audit passes, 1 when a complaint is missing or duplicated, 2 on bad options or
            when the system cannot be reached.
            """;
}
