package com.complaintdesk.loadtool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result table, as aligned text for the console and as Markdown for docs/performance.md. */
public final class Report {

    private Report() {
    }

    public static List<String[]> rows(LoadRun.Outcome r) {
        LoadOptions o = r.options();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("settings", (o.openModel() ? String.format("open model, %.0f complaints/s", o.rate())
                : "closed model, " + o.concurrency() + " senders")
                + (o.count() > 0 ? ", " + o.count() + " complaints" : ", " + o.duration().toSeconds() + " s")
                + (o.warmup() != null && !o.warmup().isZero() ? " (first " + o.warmup().toSeconds() + " s warm-up: audited, not timed)" : "")
                + ", max in flight " + o.maxInFlight() + ", drain timeout " + o.drainTimeout().toSeconds() + " s"));
        rows.add(row("sent", String.format("%d in %.1f s (%.1f/s offered)", r.sent(), r.sendSeconds(), r.sent() / r.sendSeconds())
                + (r.notSentAtEnd() > 0 ? ", " + r.notSentAtEnd() + " never sent: held back by the in-flight cap when time was up" : "")));
        rows.add(row("acknowledged (201)", r.acked() + (r.failed() > 0 ? ", failed for good " + r.failed() : "")
                + (r.retried() > 0 ? ", retried " + r.retried() : "")));
        rows.add(row("intake acks/s", String.format("%.1f", r.acksPerSecond())));
        rows.add(row("POST latency p50 / p95 / p99 / max", r.post().summary()));
        rows.add(row("POST → ComplaintDispatched seen by the audit consumer", r.dispatchSeen().summary()));
        rows.add(row("POST → ComplaintDispatched occurredAt (envelope)", r.dispatchOccurred().summary()));
        rows.add(row("POST → visible in the ledger (sampled)", r.ledgerVisible().summary()));
        rows.add(row("POST → dispatch visible in the ledger (sampled)", r.ledgerDispatched().summary()
                + (r.ledgerSamplesSkipped() > 0 ? ", " + r.ledgerSamplesSkipped() + " samples skipped at the cap of 50 polled at once" : "")));
        rows.add(row("errors by kind (every attempt)", r.errorsByKind().isEmpty() ? "none" : format(r.errorsByKind())));
        r.errorExamples().forEach((kind, example) -> rows.add(row("  e.g. " + kind, example.replace('\n', ' '))));
        if (!r.finalFailuresByKind().isEmpty()) {
            rows.add(row("failed after retries", format(r.finalFailuresByKind())));
        }
        Audit.Result a = r.audit();
        rows.add(row("AUDIT dispatched (each decision once)", a.dispatchedOnce() + " of " + a.acknowledged()));
        if (!a.stoppedByTriage().isEmpty()) {
            rows.add(row("AUDIT stopped by triage (no dispatch due)", format(a.stoppedByTriage())));
        }
        rows.add(row("AUDIT missing dispatch", Integer.toString(a.missingDispatch().size())));
        rows.add(row("AUDIT duplicate dispatch (same decision, new event id)", Integer.toString(a.duplicateDispatch().size())));
        rows.add(row("follow-up dispatches (queue → handler, transfer)", a.followUpDispatches() + " complaints"
                + (a.followUpReasons().isEmpty() ? "" : ": " + format(a.followUpReasons()))));
        rows.add(row("AUDIT redeliveries (same event id again)", a.redeliveredRecords() + " records, "
                + a.redeliveredComplaints() + " complaints"));
        rows.add(row("AUDIT ledger checked", a.ledgerChecked() + " of " + a.acknowledged() + ": missing "
                + a.ledgerMissing().size() + ", duplicated " + a.ledgerDuplicates().size() + ", without the dispatch "
                + a.ledgerWithoutDispatch().size()));
        rows.add(row("AUDIT verdict", a.passed() ? "PASS — no loss, no duplicate" : "FAIL"));
        rows.add(row("consumer lag (records) when sending stopped", ConsumerLag.format(r.lagAtSendEnd())));
        rows.add(row("consumer lag when the Kafka drain ended", ConsumerLag.format(r.lagAtDrainEnd())));
        rows.add(row("consumer lag at the end", ConsumerLag.format(r.lagAtEnd())));
        rows.add(row("drain + ledger audit", String.format("%.1f s", r.drainSeconds())));
        rows.add(row("load average before / after", String.format("%.2f / %.2f", r.loadAverageBefore(), r.loadAverageAfter())));
        return rows;
    }

    /**
     * CPU seconds of each system process while the complaints were sent and flowed to dispatch (start → every
     * complaint dispatched), the same for the whole run including the ledger audit, and RSS at the end (from /proc).
     */
    public static List<String[]> processRows(LoadRun.Outcome r) {
        List<String[]> rows = new ArrayList<>();
        double pipeline = 0;
        double total = 0;
        long rssTotal = 0;
        for (var after : r.procAfter().values()) {
            ProcessStats.Sample before = r.procBefore().get(after.pid());
            ProcessStats.Sample drained = r.procDrained().get(after.pid());
            double base = before == null ? 0 : before.cpuSeconds();
            double cpuPipeline = (drained == null ? after.cpuSeconds() : drained.cpuSeconds()) - base;
            double cpu = after.cpuSeconds() - base;
            pipeline += cpuPipeline;
            total += cpu;
            rssTotal += after.rssKb();
            rows.add(new String[]{after.name() + " (pid " + after.pid() + ")", String.format("%.1f", cpuPipeline),
                    String.format("%.1f", cpu), String.format("%d", after.rssKb() / 1024)});
        }
        if (!rows.isEmpty()) {
            rows.add(new String[]{"all", String.format("%.1f", pipeline), String.format("%.1f", total),
                    String.format("%d", rssTotal / 1024)});
            rows.add(new String[]{"CPU ms per acknowledged complaint",
                    r.acked() == 0 ? "–" : String.format("%.1f", pipeline * 1000 / r.acked()),
                    r.acked() == 0 ? "–" : String.format("%.1f", total * 1000 / r.acked()), ""});
            rows.add(new String[]{"cores busy on average", String.format("%.2f", pipeline / r.pipelineSeconds()), "", ""});
        }
        return rows;
    }

    public static String text(LoadRun.Outcome r) {
        StringBuilder sb = new StringBuilder();
        List<String[]> rows = rows(r);
        int w = rows.stream().mapToInt(x -> x[0].length()).max().orElse(10);
        sb.append('\n');
        for (String[] x : rows) {
            sb.append(String.format("  %-" + w + "s  %s%n", x[0], x[1]));
        }
        List<String[]> procs = processRows(r);
        if (!procs.isEmpty()) {
            sb.append(String.format("%n  %-40s %16s %16s %8s%n", "process", "CPU s to dispatch", "CPU s whole run", "RSS MiB"));
            for (String[] p : procs) {
                sb.append(String.format("  %-40s %16s %16s %8s%n", p[0], p[1], p[2], p[3]));
            }
        }
        sb.append(String.format("%n  mix: %s%n", format(r.mix())));
        if (!r.audit().passed()) {
            sb.append("\nAUDIT FAILED:\n");
            r.audit().failures(50).forEach(f -> sb.append("  ").append(f).append('\n'));
        }
        return sb.toString();
    }

    public static String markdown(LoadRun.Outcome r) {
        StringBuilder sb = new StringBuilder("| metric | value |\n|---|---|\n");
        for (String[] x : rows(r)) {
            sb.append("| ").append(x[0]).append(" | ").append(x[1].replace("|", "\\|")).append(" |\n");
        }
        List<String[]> procs = processRows(r);
        if (!procs.isEmpty()) {
            sb.append("\n| process | CPU s, start → all dispatched | CPU s, whole run with ledger audit | RSS MiB at the end |\n|---|---:|---:|---:|\n");
            for (String[] p : procs) {
                sb.append("| ").append(p[0]).append(" | ").append(p[1]).append(" | ").append(p[2]).append(" | ").append(p[3]).append(" |\n");
            }
        }
        sb.append("\nMix: ").append(format(r.mix())).append('\n');
        if (!r.audit().passed()) {
            sb.append("\nAudit failures:\n");
            r.audit().failures(50).forEach(f -> sb.append("- ").append(f).append('\n'));
        }
        return sb.toString();
    }

    private static String format(Map<String, ? extends Number> m) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private static String[] row(String k, String v) {
        return new String[]{k, v};
    }
}
