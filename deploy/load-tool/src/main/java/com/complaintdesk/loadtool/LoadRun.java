package com.complaintdesk.loadtool;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One run: sends the generated mix through the gateway at a constant arrival rate (open model: a late answer never
 * delays the next POST, and latency counts from the intended start, so a stalled system is not flattered) or with a
 * fixed number of senders (closed model), follows the complaints on Kafka and in the ledger, waits for stragglers,
 * then judges with {@link Audit}.
 */
public final class LoadRun {

    /** What a POST achieved: when it was meant to start and when the 201 came. */
    record Ack(long intendedNanos, Instant intendedAt, long ackNanos) {
    }

    /** Everything the report needs. */
    public record Outcome(LoadOptions options, Instant startedAt, double sendSeconds, long sent, long acked, long failed,
                          long retried, double acksPerSecond, Latencies post, Latencies dispatchSeen,
                          Latencies dispatchOccurred, Latencies ledgerVisible, Latencies ledgerDispatched,
                          Map<String, Long> errorsByKind, Map<String, Long> finalFailuresByKind,
                          Map<String, String> errorExamples, Map<String, Long> mix,
                          Audit.Result audit, double drainSeconds, long kafkaRecords,
                          Map<Long, ProcessStats.Sample> procBefore, Map<Long, ProcessStats.Sample> procDrained,
                          double pipelineSeconds, Map<Long, ProcessStats.Sample> procAfter,
                          double loadAverageBefore, double loadAverageAfter, long ledgerSamplesSkipped,
                          long notSentAtEnd, Map<String, Long> lagAtSendEnd, Map<String, Long> lagAtDrainEnd,
                          Map<String, Long> lagAtEnd) {
        public boolean passed() {
            return audit.passed();
        }
    }

    private final LoadOptions o;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> finalFailures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> mix = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private long notSent;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong lastAckNanos = new AtomicLong();
    private final Latencies post = new Latencies();
    private final Latencies ledgerVisible = new Latencies();
    private final Latencies ledgerDispatched = new Latencies();
    private final Set<String> ledgerSampled = ConcurrentHashMap.newKeySet();
    private final Map<String, String> errorExamples = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlightNow = new java.util.concurrent.atomic.AtomicInteger();
    private volatile long measureFromNanos;
    private static final int MAX_LEDGER_PENDING = 50;
    private final java.util.concurrent.atomic.AtomicInteger ledgerPending = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong ledgerSkipped = new AtomicLong();

    public LoadRun(LoadOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    public Outcome run() throws Exception {
        double loadBefore = loadAverage();
        Map<Long, ProcessStats.Sample> procBefore = ProcessStats.sample(o.kafka());
        Instant startedAt = clock.instant();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("load-timer"));
        try (GatewayClient client = new GatewayClient(o.gateway(), o.apiKey(), o.requestTimeout());
             EventTracker tracker = new EventTracker(o.kafka(), startedAt.minusSeconds(2))) {
            tracker.start(Duration.ofSeconds(30));
            if (o.ledgerSample() > 0 || o.ledgerAuditShare() > 0) {
                client.staffToken(o.staffRoles());
            }
            ComplaintGenerator generator = new ComplaintGenerator(o, clock);
            int cap = o.openModel() ? o.maxInFlight() : o.concurrency();
            Semaphore inFlight = new Semaphore(cap);
            // the wall-clock time of the first intended send, taken together with its nanoTime: the envelope-time
            // latency compares a service's clock with it (startedAt, above, is earlier by the audit consumer's and the
            // token's set-up, which made that latency read seconds too long)
            Instant sendingFrom = clock.instant();
            long start = System.nanoTime();
            long[] lastProgress = {start, 0};
            measureFromNanos = start + (o.warmup() == null ? 0 : o.warmup().toNanos());
            var progress = timers.scheduleAtFixedRate(() -> progress(start, lastProgress, inFlightNow.get(), tracker),
                    o.progressEvery().toMillis(), o.progressEvery().toMillis(), TimeUnit.MILLISECONDS);

            long interval = o.openModel() ? (long) (1e9 / o.rate()) : 0;
            long durationNanos = o.duration() == null ? Long.MAX_VALUE : o.duration().toNanos();
            for (long i = 0; ; i++) {
                long intended = o.openModel() ? start + i * interval : System.nanoTime();
                // by duration, the clock decides: POSTs held back by the in-flight cap past the end are not sent at all
                if (o.count() > 0 ? i >= o.count() : Math.max(intended, System.nanoTime()) - start >= durationNanos) {
                    if (o.count() <= 0 && o.openModel()) {
                        notSent = Math.max(0, (long) (o.rate() * o.duration().toNanos() / 1e9) - i);
                    }
                    break;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                inFlightNow.incrementAndGet();
                if (!o.openModel()) {
                    intended = System.nanoTime();
                }
                ComplaintGenerator.Generated g = generator.next();
                count(g);
                sent.incrementAndGet();
                send(client, timers, inFlight, g, intended, sendingFrom.plusNanos(intended - start), 0);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            // in-flight POSTs, retries included, end within their timeouts
            long inFlightDeadline = o.requestTimeout().multipliedBy(o.retries() + 1L).plusSeconds(5).toMillis();
            if (!inFlight.tryAcquire(cap, inFlightDeadline, TimeUnit.MILLISECONDS)) {
                out.println("warning: " + inFlightNow.get() + " POSTs still unanswered");
            }
            long measuredAcks = acks.values().stream().filter(a -> a.intendedNanos() >= measureFromNanos).count();
            Map<String, Long> lagAtSendEnd = ConsumerLag.byGroup(o.kafka());
            double acksPerSecond = measuredAcks == 0 ? 0 : measuredAcks / ((lastAckNanos.get() - measureFromNanos) / 1e9);

            // wait for stragglers: every acknowledged complaint dispatched or stopped by triage
            long drainStart = System.nanoTime();
            long drainDeadline = drainStart + o.drainTimeout().toNanos();
            Set<String> waiting = Audit.unsettled(acks.keySet(), tracker::traceOf);
            long lastLine = System.nanoTime();
            while (!waiting.isEmpty() && System.nanoTime() < drainDeadline) {
                Thread.sleep(250);
                waiting = Audit.unsettled(waiting, tracker::traceOf);
                if (!o.quiet() && System.nanoTime() - lastLine > o.progressEvery().toNanos()) {
                    out.printf("draining: %d of %d acknowledged complaints not dispatched yet; consumer lag %s%n", waiting.size(),
                            acks.size(), ConsumerLag.format(ConsumerLag.byGroup(o.kafka())));
                    lastLine = System.nanoTime();
                }
            }
            progress.cancel(false);
            Map<Long, ProcessStats.Sample> procDrained = ProcessStats.sample(o.kafka());
            Map<String, Long> lagAtDrainEnd = ConsumerLag.byGroup(o.kafka());
            double pipelineSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, GatewayClient.LedgerView> ledger = ledgerAudit(client, tracker);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Map<Long, ProcessStats.Sample> procAfter = ProcessStats.sample(o.kafka());
            Map<String, Long> lagAtEnd = ConsumerLag.byGroup(o.kafka());

            Latencies seen = new Latencies();
            Latencies occurred = new Latencies();
            acks.forEach((number, ack) -> {
                if (ack.intendedNanos() < measureFromNanos) {
                    return; // warm-up: audited, not timed
                }
                EventTracker.Trace t = tracker.traceOf(number);
                if (t != null && !t.dispatched().isEmpty()) {
                    seen.add((t.firstDispatchSeenNanos() - ack.intendedNanos()) / 1000);
                    if (t.firstDispatchOccurredAt() != null) {
                        occurred.add(Duration.between(ack.intendedAt(), t.firstDispatchOccurredAt()).toNanos() / 1000);
                    }
                }
            });
            Audit.Result audit = Audit.judge(acks.keySet(), tracker::traceOf, ledger);
            return new Outcome(o, startedAt, sendSeconds, sent.get(), acks.size(), failed.get(), retried.get(),
                    acksPerSecond, post, seen, occurred, ledgerVisible, ledgerDispatched, snapshot(errors),
                    snapshot(finalFailures), new TreeMap<>(errorExamples), snapshot(mix), audit, drainSeconds, tracker.records(), procBefore,
                    procDrained, pipelineSeconds, procAfter, loadBefore, loadAverage(), ledgerSkipped.get(), notSent, lagAtSendEnd, lagAtDrainEnd, lagAtEnd);
        } finally {
            timers.shutdownNow();
        }
    }

    private void send(GatewayClient client, ScheduledExecutorService timers, Semaphore inFlight,
                      ComplaintGenerator.Generated g, long intended, Instant intendedAt, int attempt) {
        client.postComplaint(g.body(), g.idempotencyKey()).whenComplete((r, e) -> {
            GatewayClient.PostResult result = e != null ? GatewayClient.failed(e) : r;
            if (result.acknowledged()) {
                long now = System.nanoTime();
                if (intended >= measureFromNanos) {
                    post.add((now - intended) / 1000);
                }
                lastAckNanos.accumulateAndGet(now, Math::max);
                Ack previous = acks.putIfAbsent(result.complaintNumber(), new Ack(intended, intendedAt, now));
                if (previous != null) {
                    // two different Idempotency-Keys answered with one number: intake handed a number out twice
                    errors.computeIfAbsent("same number for two keys", k -> new LongAdder()).increment();
                }
                inFlightNow.decrementAndGet();
                inFlight.release();
                boolean sampled = intended >= measureFromNanos && o.ledgerSample() > 0
                        && inShare(result.complaintNumber(), o.ledgerSample(), 7);
                if (sampled && ledgerPending.incrementAndGet() <= MAX_LEDGER_PENDING) {
                    ledgerSampled.add(result.complaintNumber());
                    long deadline = now + o.drainTimeout().toNanos() + TimeUnit.SECONDS.toNanos(30);
                    timers.schedule(() -> pollLedger(client, timers, result.complaintNumber(), intended, deadline, false,
                            o.ledgerPoll().toMillis()), o.ledgerPoll().toMillis(), TimeUnit.MILLISECONDS);
                } else if (sampled) {
                    ledgerPending.decrementAndGet(); // at the cap: this one is not sampled, so polling stays a small load
                    ledgerSkipped.incrementAndGet();
                }
                return;
            }
            errors.computeIfAbsent(result.kind(), k -> new LongAdder()).increment();
            errorExamples.putIfAbsent(result.kind(), abbreviate(result.detail()));
            if (result.retryable() && attempt < o.retries()) {
                retried.incrementAndGet();
                timers.schedule(() -> send(client, timers, inFlight, g, intended, intendedAt, attempt + 1),
                        200L * (attempt + 1), TimeUnit.MILLISECONDS);
                return;
            }
            failed.incrementAndGet();
            finalFailures.computeIfAbsent(result.kind(), k -> new LongAdder()).increment();
            if (result.status() >= 400 && result.status() < 500 && finalFailures.get(result.kind()).sum() <= 3) {
                out.println("rejected: HTTP " + result.status() + " " + abbreviate(result.detail()) + "\n  body: " + abbreviate(g.body()));
            }
            inFlightNow.decrementAndGet();
            inFlight.release();
        });
    }

    /**
     * Polls one sampled complaint's ledger entry: when it first shows, and when it shows the dispatch. The period grows
     * by half each time up to 1 s (so a lagging ledger is not buried under reads); the measured latency is at most
     * one period late.
     */
    private void pollLedger(GatewayClient client, ScheduledExecutorService timers, String number, long intended,
                            long deadline, boolean visible, long periodMs) {
        client.ledger(number).whenComplete((view, e) -> {
            long now = System.nanoTime();
            boolean nowVisible = visible;
            if (e == null && view.found()) {
                if (!visible) {
                    ledgerVisible.add((now - intended) / 1000);
                    nowVisible = true;
                }
                if (!view.dispatchedIds().isEmpty()) {
                    ledgerDispatched.add((now - intended) / 1000);
                    ledgerPending.decrementAndGet();
                    return;
                }
            }
            if (now < deadline) {
                boolean v = nowVisible;
                long next = Math.min(1000, Math.max(periodMs + 1, periodMs * 3 / 2));
                timers.schedule(() -> pollLedger(client, timers, number, intended, deadline, v, next), periodMs,
                        TimeUnit.MILLISECONDS);
            } else {
                ledgerPending.decrementAndGet();
            }
        });
    }

    /**
     * The ledger half of the audit: reads the chosen complaints, waiting (until the drain timeout) for an entry to show
     * and to carry the dispatch Kafka saw.
     */
    private Map<String, GatewayClient.LedgerView> ledgerAudit(GatewayClient client, EventTracker tracker) throws Exception {
        Map<String, GatewayClient.LedgerView> views = new ConcurrentHashMap<>();
        double share = o.ledgerAuditShare();
        if (share <= 0) {
            return views;
        }
        List<String> numbers = new ArrayList<>();
        for (String n : acks.keySet()) {
            if (share >= 1 || inShare(n, share, 0)) {
                numbers.add(n);
            }
        }
        if (!o.quiet()) {
            out.printf("ledger audit: reading %d complaints through the gateway%n", numbers.size());
        }
        long deadline = System.nanoTime() + o.drainTimeout().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.ledgerParallel()), daemon("ledger-audit"));
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String n : numbers) {
                all.add(pool.submit(() -> {
                    while (true) {
                        GatewayClient.LedgerView view = client.ledger(n).join();
                        EventTracker.Trace t = tracker.traceOf(n);
                        boolean complete = view.found() && (t == null || t.dispatched().isEmpty()
                                || view.dispatchedIds().containsAll(t.dispatched().keySet()));
                        if (complete || System.nanoTime() > deadline) {
                            views.put(n, view);
                            return null;
                        }
                        Thread.sleep(250);
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return views;
    }

    /**
     * Whether a complaint number falls in a share of all numbers, the same way on every run. The numbers of a day
     * differ only in their last digits, so their {@code String.hashCode}s are consecutive integers: a share taken
     * from the raw hash is a narrow band that may hold none of a run's complaints (a "--ledger-audit 0.2" that checked
     * 0 of 467). The hash is mixed first (MurmurHash3's finaliser), which spreads consecutive numbers evenly.
     */
    static boolean inShare(String complaintNumber, double share, int salt) {
        int h = complaintNumber.hashCode() + salt * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return Math.floorMod(h, 10_000) < share * 10_000;
    }

    private void progress(long start, long[] last, int inFlight, EventTracker tracker) {
        if (o.quiet()) {
            return;
        }
        long now = System.nanoTime();
        long acked = acks.size();
        double rate = (acked - last[1]) / ((now - last[0]) / 1e9);
        last[0] = now;
        last[1] = acked;
        long dispatched = acks.keySet().stream().filter(n -> {
            EventTracker.Trace t = tracker.traceOf(n);
            return t != null && !t.dispatched().isEmpty();
        }).count();
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        out.printf("[%4.0fs] sent %d  acked %d  errors %d  in-flight %d  rate %.1f/s  dispatched seen %d  ledger samples %d/%d%n",
                (now - start) / 1e9, sent.get(), acked, errorCount, inFlight, rate, dispatched,
                ledgerDispatched.count(), ledgerSampled.size());
    }

    private void count(ComplaintGenerator.Generated g) {
        inc("category " + g.category());
        inc("channel " + g.channel());
        inc(g.english() ? "language en" : "language zh");
        if (g.major()) {
            inc("with MAJOR trigger");
        }
        if (g.collective()) {
            inc("collective-burst member");
        }
        if (g.evidence()) {
            inc("with evidence");
        }
        inc(g.contentLength() < 100 ? "text 20-99 chars" : g.contentLength() < 300 ? "text 100-299 chars" : "text 300-800 chars");
    }

    private void inc(String key) {
        mix.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
