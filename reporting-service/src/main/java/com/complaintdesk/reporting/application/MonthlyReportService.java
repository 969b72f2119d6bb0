package com.complaintdesk.reporting.application;

import com.complaintdesk.contracts.events.ReportingEvents;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.adapters.mongo.MonthlyReportDocument;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.reports.domain.MonthlyReport;
import com.complaintdesk.reporting.statistics.domain.Dimension;
import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.statistics.domain.Metric;
import com.complaintdesk.reporting.statistics.domain.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the monthly report from the statistics and the ledger, and produces it automatically after month end
 * (SPEC §3.18: due by the 5th; produced on the 1st once the grace period for late events has passed). A produced
 * report is stored once per month and announced with {@code MonthlyReportPublished} through the outbox; with N
 * instances the first insert wins and the others find it there.
 */
@Service
public class MonthlyReportService {

    public static final String COLLECTION = "monthly_reports";
    private static final Logger log = LoggerFactory.getLogger(MonthlyReportService.class);

    private final StatisticsService statistics;
    private final MongoTemplate mongo;
    private final EventFactory events;
    private final EventCodec codec;
    private final ReportingProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    public MonthlyReportService(StatisticsService statistics, MongoTemplate mongo, EventFactory events, EventCodec codec,
                                ReportingProperties properties, Clock clock, JsonMapper json) {
        this.json = json;
        this.statistics = statistics;
        this.mongo = mongo;
        this.events = events;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    /** The stored report of a month, or one computed now (provisional while the month is not over). */
    public MonthlyReport report(YearMonth month) {
        MonthlyReportDocument stored = mongo.findById(month.toString(), MonthlyReportDocument.class, COLLECTION);
        return stored != null ? json.readValue(stored.getReportJson(), MonthlyReport.class) : build(month);
    }

    public MonthlyReport build(YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<String, List<Statistics.Group>> breakdowns = new LinkedHashMap<>();
        Statistics total = null;
        for (String dim : List.of(Dimension.CATEGORY, Dimension.CHANNEL, Dimension.DEPARTMENT, Dimension.SEVERITY,
                Dimension.COMPLAINANT_TYPE)) {
            Statistics s = statistics.month(month, dim);
            total = s;
            breakdowns.put(dim, s.groups());
        }
        Figures totals = total.totals();
        List<MonthlyReport.DailyPoint> daily = new ArrayList<>();
        statistics.daily(from, to, List.of(Metric.RECEIVED.key(), Metric.RESOLVED.key())).forEach((day, counts) ->
                daily.add(new MonthlyReport.DailyPoint(day, counts.get(Metric.RECEIVED.key()), counts.get(Metric.RESOLVED.key()))));
        List<MonthlyReport.CauseCount> causes = statistics.month(month, Dimension.CAUSE).groups().stream()
                .filter(g -> g.figures().count(Metric.INVESTIGATED.key()) > 0)
                .sorted((a, b) -> Long.compare(b.figures().count(Metric.INVESTIGATED.key()), a.figures().count(Metric.INVESTIGATED.key())))
                .limit(properties.monthly().topCauses())
                .map(g -> new MonthlyReport.CauseCount(g.key(), g.figures().count(Metric.INVESTIGATED.key()))).toList();
        Instant now = clock.instant();
        boolean provisional = !now.isAfter(to.plusDays(1).atStartOfDay(properties.zone()).toInstant());
        return new MonthlyReport(month.toString(), from, to, properties.zone().getId(), now, provisional, totals, breakdowns,
                daily, sub(totals, "slaBreaches.level."), sub(totals, "slaBreaches.clock."), sub(totals, "escalations.level."),
                causes, actions(from, to), Figures.definitions());
    }

    /** Corrective and preventive actions of the complaints first resolved in the month (SPEC §5 last line). */
    private List<MonthlyReport.Action> actions(LocalDate from, LocalDate to) {
        Query q = new Query(Criteria.where("entry.firstResolvedAt").gte(from.atStartOfDay(properties.zone()).toInstant())
                .lt(to.plusDays(1).atStartOfDay(properties.zone()).toInstant())
                .and("entry.preventiveMeasures.0").exists(true))
                .with(Sort.by("entry.firstResolvedAt")).limit(200);
        List<MonthlyReport.Action> out = new ArrayList<>();
        for (LedgerEntry e : mongo.find(q, com.complaintdesk.reporting.adapters.mongo.LedgerDocument.class, LedgerStore.COLLECTION)
                .stream().map(com.complaintdesk.reporting.adapters.mongo.LedgerDocument::getEntry).toList()) {
            out.add(new MonthlyReport.Action(e.complaintNumber(), e.category(), e.department(), e.cause(), e.preventiveMeasures()));
        }
        return out;
    }

    private static Map<String, Long> sub(Figures f, String prefix) {
        Map<String, Long> out = new TreeMap<>();
        f.counts().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** Produces and publishes the previous month's report when it is due and not yet there. Returns it if produced now. */
    public Optional<MonthlyReport> produceDueReport() {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(properties.zone()));
        YearMonth previous = current.minusMonths(1);
        Instant due = current.atDay(1).atStartOfDay(properties.zone()).toInstant().plus(properties.monthly().graceAfterMonthEnd());
        if (now.isBefore(due) || mongo.exists(new Query(Criteria.where("_id").is(previous.toString())), COLLECTION)) {
            return Optional.empty();
        }
        return Optional.of(produce(previous));
    }

    /** Generates, stores and announces a month's report (idempotent: a month is stored and announced once). */
    public MonthlyReport produce(YearMonth month) {
        MonthlyReport report = build(month);
        MonthlyReportDocument doc = new MonthlyReportDocument(month.toString(), json.writeValueAsString(report));
        var envelope = events.envelope(month.toString(),
                new ReportingEvents.MonthlyReportPublished(month.toString(), properties.monthly().publicUrlPrefix() + month),
                "monthly-report-" + month);
        doc.enqueue(Topics.REPORTING, envelope, codec);
        try {
            mongo.insert(doc, COLLECTION);
            log.info("monthly report {} produced and published", month);
            return report;
        } catch (DuplicateKeyException alreadyThere) {
            return report(month);
        }
    }

    @Scheduled(initialDelayString = "${reporting.monthly.initial-delay:30s}", fixedDelayString = "${reporting.monthly.check-interval:10m}")
    void scheduledCheck() {
        if (properties.monthly().autoGenerate()) {
            try {
                produceDueReport();
            } catch (RuntimeException e) {
                log.warn("monthly report check failed, will retry: {}", e.toString());
            }
        }
    }
}
