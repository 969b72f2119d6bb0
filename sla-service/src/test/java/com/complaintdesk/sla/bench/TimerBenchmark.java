package com.complaintdesk.sla.bench;

import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.sla.adapters.mongo.CalendarStore;
import com.complaintdesk.sla.adapters.mongo.PolicyStore;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.CalendarService;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.PolicyService;
import com.complaintdesk.sla.application.SlaProperties;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.domain.ComplaintSla;
import com.complaintdesk.sla.domain.EscalationStep;
import com.complaintdesk.sla.domain.SlaPolicy;
import com.complaintdesk.sla.domain.TargetKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Timer benchmark (issue 8): 100,000 open timers in MongoDB, two engines (as two instances) firing them.
 * <ol>
 *   <li>steady: {@code due} timers fall due spread over {@code window} seconds of real time while the rest stay open;
 *       prints the due→fire delay (p50/p95/p99/max);</li>
 *   <li>backlog: {@code due} timers all overdue at once; prints timers fired per second.</li>
 * </ol>
 * Run:
 * (see sla-service/README.md for the command; arguments: open timers, due timers, window seconds).
 * MongoDB here is the in-JVM mongo-java-server (memory backend); a real MongoDB serves the wakeAt range from its index.
 */
public final class TimerBenchmark {

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        // a real MongoDB if given (its wakeAt index serves the claim), else the in-JVM mongo-java-server
        String external = System.getenv("BENCH_MONGODB_URI");

        MongoServer server = external == null ? new MongoServer(new MemoryBackend()) : null;
        String uri = external;
        if (server != null) {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
        }
        System.out.println("MongoDB: " + (server != null ? "in-JVM mongo-java-server (memory backend)" : external));
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "sla_bench_" + System.currentTimeMillis());
            Clock clock = Clock.systemUTC();
            JsonMapper json = JsonMapper.builder().build();
            SlaProperties props = new SlaProperties(
                    new SlaProperties.Calendar(ZoneId.of("Asia/Shanghai"), List.of("MONDAY 09:00-18:00", "TUESDAY 09:00-18:00",
                            "WEDNESDAY 09:00-18:00", "THURSDAY 09:00-18:00", "FRIDAY 09:00-18:00"), "09:00-18:00",
                            List.of(2024, 2025, 2026)),
                    new SlaProperties.Timers(false, Duration.ofMillis(50), Duration.ofSeconds(30), 200, "bench", Duration.ofSeconds(60)),
                    new SlaProperties.Daily(false, LocalTime.of(9, 0)), "/sla/policies.json", Duration.ofSeconds(30));
            var policies = new PolicyService(new PolicyStore(mongo), props, json, clock);
            // a calendar-time target, so due times are plain offsets from the start whatever the hour of the run
            policies.put("resolution", new SlaPolicy("resolution", SlaClocks.RESOLUTION, Set.of(), Set.of(), Set.of(),
                    TargetKind.CALENDAR_TIME, Duration.ofMinutes(10), 0, 80, false, false,
                    List.of(new EscalationStep(EscalationLevel.SERVICE_SUPERVISOR, Duration.ZERO)), "bench"), "bench");
            var calendar = new CalendarService(new CalendarStore(mongo), props, clock);
            var meters = new SimpleMeterRegistry();
            var store = new SlaStore(mongo);
            var clocks = new ClockService(store, policies, calendar, new EventFactory("bench", clock), new EventCodec(json),
                    clock, meters);

            // a running service: the time buckets' cursor exists before the timers arrive (no first-start back-fill)
            store.claimDue(clock.instant(), "bench-start", Duration.ofSeconds(1), 1);

            // --- 1. steady: `due` timers falling due over the window, the rest open far ahead; the far ones are
            // loaded first, so the window starts when the load is done however long it took
            long loadStart = System.nanoTime();
            List<SlaDocument> batch = new ArrayList<>();
            Instant far = clock.instant();
            Instant t0 = null;
            for (int n = 0; n < open; n++) {
                int i = (n + due) % open; // i = due .. open-1, then 0 .. due-1
                if (i == 0) {
                    flush(store, mongo, batch);
                    t0 = clock.instant().plusSeconds(3);
                }
                // the warning (80 % of 10 min = 8 min after the start) is the first thing due
                Instant wake = i < due ? t0.plusMillis((long) i * windowSeconds * 1000 / due) : far.plus(Duration.ofDays(1 + i % 30));
                batch.add(document("C-BENCH-" + i, wake.minus(Duration.ofMinutes(8)), policies, calendar));
                if (batch.size() == 1000) {
                    flush(store, mongo, batch);
                }
            }
            flush(store, mongo, batch);
            System.out.printf("loaded %,d open timers in %.1f s (%,d due over the next %d s)%n", store.countTimers(),
                    (System.nanoTime() - loadStart) / 1e9, due, windowSeconds);

            long cpu0 = cpuNanos();
            int firedSteady = runEngines(store, clocks, clock, props, due, Duration.ofSeconds(windowSeconds + 120));
            Timer delay = meters.get("sla.timers.delay").timer();
            System.out.printf("steady: %,d firings for %,d timers falling due; due->fire delay ms: mean %.0f", firedSteady, due, delay.mean(TimeUnit.MILLISECONDS));
            for (ValueAtPercentile p : delay.takeSnapshot().percentileValues()) {
                System.out.printf(", p%.0f %.0f", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS));
            }
            System.out.printf(", max %.0f; CPU %.1f ms per firing; load average %.1f on %d cores%n",
                    delay.max(TimeUnit.MILLISECONDS), (cpuNanos() - cpu0) / 1e6 / Math.max(1, firedSteady), loadAverage(),
                    Runtime.getRuntime().availableProcessors());

            // --- 2. backlog: every one of `due` timers overdue at once (their breach), how fast do two engines drain it
            long before = store.countTimers();
            long drainStart = System.nanoTime();
            long cpu1 = cpuNanos();
            Clock later = Clock.fixed(clock.instant().plus(Duration.ofMinutes(3)), ZoneId.of("UTC"));
            var clocksLater = new ClockService(store, policies, calendar, new EventFactory("bench", later), new EventCodec(json),
                    later, new SimpleMeterRegistry());
            int firedBacklog = runBacklog(store, clocksLater, later, props);
            double seconds = (System.nanoTime() - drainStart) / 1e9;
            System.out.printf("backlog: %,d overdue timers fired in %.1f s = %,.0f timers/s (two engines, %,d open timers); "
                            + "CPU %.1f ms per firing; load average %.1f%n",
                    firedBacklog, seconds, firedBacklog / seconds, before, (cpuNanos() - cpu1) / 1e6 / Math.max(1, firedBacklog),
                    loadAverage());
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /** CPU time of this whole JVM (engines, mapping and the in-JVM MongoDB): a figure other processes cannot skew. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static SlaDocument document(String id, Instant acceptedAt, PolicyService policies, CalendarService calendar) {
        ComplaintSla sla = new ComplaintSla(id);
        sla.apply(new ComplaintAccepted("bench", null), acceptedAt, policies.current(), calendar.current());
        SlaDocument d = new SlaDocument();
        d.id = id;
        d.sla = sla;
        d.derive(acceptedAt);
        return d;
    }

    /** Two engines, polling like the scheduler does, until {@code expected} timers fired or the timeout. */
    private static int runEngines(SlaStore store, ClockService clocks, Clock clock, SlaProperties props, int expected,
                                  Duration timeout) throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("engine-a", "engine-b")) {
            TimerEngine engine = new TimerEngine(store, clocks, clock, name, props.timers().lease(), props.timers().batchSize(),
                    props.timers().safetyScan());
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    int n = engine.fireDue();
                    fired.addAndGet(n);
                    if (n == 0) {
                        LockSupport.parkNanos(props.timers().pollInterval().toNanos());
                    }
                }
            }, name);
            t.start();
            threads.add(t);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (fired.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return fired.get();
    }

    /** Two engines draining everything due at {@code at} (a fixed clock: the whole backlog is due at once). */
    private static int runBacklog(SlaStore store, ClockService clocks, Clock fixed, SlaProperties props) throws Exception {
        AtomicInteger fired = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("drain-a", "drain-b")) {
            TimerEngine engine = new TimerEngine(store, clocks, fixed, name, props.timers().lease(), props.timers().batchSize(),
                    props.timers().safetyScan());
            Thread t = new Thread(() -> fired.addAndGet(engine.drain()), name);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return fired.get();
    }

    /** Lists the timers in the time buckets (as every save does) and stores them. */
    private static void flush(SlaStore store, MongoTemplate mongo, List<SlaDocument> batch) {
        if (!batch.isEmpty()) {
            store.registerTimers(batch);
            mongo.insertAll(batch);
            batch.clear();
        }
    }
}
