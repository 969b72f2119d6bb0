package com.complaintdesk.reporting.benchmark;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.application.LedgerUpdater;
import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.application.StatisticsService;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import com.complaintdesk.reporting.ledger.domain.LedgerProjection;
import com.complaintdesk.reporting.ledger.domain.ProjectionSettings;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.statistics.domain.Fact;
import com.complaintdesk.reporting.statistics.domain.FactExtractor;
import com.complaintdesk.reporting.statistics.domain.Statistics;
import com.complaintdesk.reporting.support.ComplaintStory;
import com.complaintdesk.reporting.support.StoryEvents;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Issue 6 "Cost": the statistics of a month with 100,000 complaints must answer in under a second. Not a unit test:
 * a command that prints figures (see reporting-service/README.md):
 * <ol>
 *   <li>100,000 synthetic complaints of November 2026 (a realistic mix of channels, categories, departments,
 *       resolutions, revisits, breaches) are folded by the real projection and fact extractor into counter cells,
 *       exactly what the live path accumulates delta by delta, and stored in a Mongo-wire server;</li>
 *   <li>a sample goes through the live path (LedgerUpdater: ledger upsert + counter deltas) for the ingestion rate;</li>
 *   <li>the statistics queries are timed: the whole month in total and by each breakdown, and a 30-day range.</li>
 * </ol>
 * Args: [complaints=100000] [sample=2000] [mongoUri=in-JVM mongo-java-server].
 */
public final class StatisticsBenchmark {

    public static void main(String[] args) {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        MongoServer server = null;
        String uri;
        if (args.length > 2) {
            uri = args[2];
        } else {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "reporting_benchmark");
            mongo.getDb().drop();
            ReportingProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                    .bindOrCreate("reporting", ReportingProperties.class);
            ProjectionSettings settings = ProjectionSettings.defaults();
            LedgerProjection projection = new LedgerProjection(settings);
            FactExtractor extractor = new FactExtractor(properties.zone());
            CounterStore counters = new CounterStore(mongo);
            counters.ensureIndexes();
            LedgerStore ledger = new LedgerStore(mongo, false);
            ledger.ensureIndexes();

            System.out.printf("generating %,d complaints of 2026-11 ...%n", complaints);
            long t0 = System.nanoTime();
            Random random = new Random(42);
            List<Fact> facts = new ArrayList<>();
            for (int i = 0; i < complaints; i++) {
                ComplaintStory story = story("C-202611-" + i, random);
                List<LedgerEvent> events = StoryEvents.of(story);
                facts.addAll(extractor.facts(projection.project(story.number(), events)));
            }
            Map<CounterCells.Cell, Integer> cells = CounterCells.cells(facts);
            counters.insertAll(cells);
            System.out.printf("  %,d facts -> %,d counter cells stored in %,d ms%n", facts.size(), cells.size(),
                    (System.nanoTime() - t0) / 1_000_000);

            // the live path for a sample: ledger upsert + counter deltas per event, as the Kafka listener does
            LedgerUpdater updater = new LedgerUpdater(ledger, counters, projection, extractor, properties, new SimpleMeterRegistry(),
                    java.time.Clock.systemUTC());
            List<LedgerEvent> live = new ArrayList<>();
            for (int i = 0; i < sample; i++) {
                live.addAll(StoryEvents.of(story("C-LIVE-" + i, random)));
            }
            long t1 = System.nanoTime();
            live.forEach(updater::apply);
            double seconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("live path: %,d events of %,d complaints in %.1f s = %,.0f events/s (single thread)%n",
                    live.size(), sample, seconds, live.size() / seconds);

            StatisticsService statistics = new StatisticsService(counters, properties);
            YearMonth month = YearMonth.of(2026, 11);
            Statistics total = statistics.month(month, null);
            System.out.printf("month 2026-11: received=%,d accepted=%,d resolved=%,d handlingRate=%s timelinessRate=%s%n",
                    total.totals().count("received"), total.totals().count("accepted"), total.totals().count("resolved"),
                    total.totals().rates().get("handlingRate"), total.totals().rates().get("timelinessRate"));
            time("month, totals only", () -> statistics.month(month, null));
            for (String by : List.of("category", "channel", "department", "severity", "complainantType", "cause")) {
                time("month by " + by, () -> statistics.month(month, by));
            }
            time("29-day range (daily cells) by category",
                    () -> statistics.compute(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 29), "category"));
            time("daily series received/resolved", () -> statistics.daily(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                    List.of("received", "resolved")));
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static void time(String what, Runnable query) {
        for (int i = 0; i < 3; i++) {
            query.run(); // warm-up
        }
        long[] ms = new long[15];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("  %-42s median %4d ms   max %4d ms%n", what, ms[ms.length / 2], ms[ms.length - 1]);
    }

    private static final String[] CATEGORIES = {"PRODUCT_QUALITY", "SERVICE_ATTITUDE", "AFTER_SALES", "BILLING_REFUND",
            "FACILITY_ENVIRONMENT", "SAFETY_INJURY", "CONTRACT_PROMISE", "STAFF_CONDUCT", "WORKPLACE", "OTHER"};
    private static final String[] DEPARTMENTS = {"ENGINEERING", "OPERATIONS", "HR", "PR", "FINANCE", "SERVICE_DESK"};
    private static final String[] CAUSES = {"质量缺陷", "服务流程", "沟通不足", "设施老化", "收费错误", "员工培训"};

    /** One synthetic complaint of November 2026 with a realistic life. */
    static ComplaintStory story(String number, Random r) {
        Instant start = Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofMinutes(r.nextInt(29 * 24 * 60)));
        Channel channel = Channel.values()[r.nextInt(Channel.values().length)];
        ComplainantType type = ComplainantType.values()[r.nextInt(ComplainantType.values().length)];
        ComplaintStory s = new ComplaintStory(number, start).received(channel, type);
        int roll = r.nextInt(100);
        if (roll < 5) {
            return s.rejected();
        }
        if (roll < 8) {
            return s.transferred();
        }
        s.accepted().triaged(CATEGORIES[r.nextInt(CATEGORIES.length)], Severity.values()[r.nextInt(3)])
                .dispatched(DEPARTMENTS[r.nextInt(DEPARTMENTS.length)], "h" + r.nextInt(50))
                .resolutionClock(Duration.ofDays(2));
        if (r.nextInt(10) == 0) {
            s.urged();
        }
        if (r.nextInt(100) < 80) {
            s.investigated(CAUSES[r.nextInt(CAUSES.length)]).proposed();
            if (r.nextInt(10) == 0) {
                s.appealed().proposed();
            }
            s.solutionAccepted();
            if (r.nextInt(10) < 2) {
                s.after(Duration.ofDays(3)).breached("RESOLUTION", EscalationLevel.SERVICE_SUPERVISOR);
            }
            s.resolved();
            if (r.nextInt(10) < 9) {
                s.revisited(r.nextInt(10) < 8, r.nextInt(10) < 9);
            }
        }
        return s;
    }
}
