package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.adapters.mongo.LedgerAuditTrail;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.adapters.mongo.OverdueReportStore;
import com.complaintdesk.reporting.ledger.domain.LedgerAccess;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.reports.domain.OverdueReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §3.17 daily supervision: the open complaints past a time limit, from the ledger (indexed on the next due
 * time). Every morning ({@code reporting.overdue.daily-at}, desk zone) the day's report is produced over the whole
 * ledger and kept, so the service supervisor finds it there; it is also computed on demand. Either way a reader sees
 * only the complaints of their scope, and the read is audited.
 */
@Service
public class OverdueReportService {

    private static final Logger log = LoggerFactory.getLogger(OverdueReportService.class);
    /** The report kept for the day covers every complaint; each reader then sees their own scope of it. */
    private static final LedgerAccess.Scope EVERYTHING = LedgerAccess.Scope.EVERYTHING;

    private final LedgerStore ledger;
    private final LedgerQueries queries;
    private final LedgerAuditTrail audit;
    private final OverdueReportStore store;
    private final ReportingProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    public OverdueReportService(LedgerStore ledger, LedgerQueries queries, LedgerAuditTrail audit, OverdueReportStore store,
                                ReportingProperties properties, Clock clock, JsonMapper json) {
        this.ledger = ledger;
        this.queries = queries;
        this.audit = audit;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** Computed now, within the caller's scope. */
    public OverdueReport today(CallerIdentity caller) {
        OverdueReport report = compute(queries.scopeOf(caller));
        audited(caller, report);
        return report;
    }

    /** The report kept for a day, as the caller may see it. */
    public OverdueReport ofDay(LocalDate date, CallerIdentity caller) {
        LedgerAccess.Scope scope = queries.scopeOf(caller);
        OverdueReport stored = store.reportJson(date).map(s -> json.readValue(s, OverdueReport.class))
                .orElseThrow(() -> ApiException.notFound("Overdue report", date.toString()));
        OverdueReport report = stored.visible(i -> scope.permits(i.department(), i.confidential()));
        audited(caller, report);
        return report;
    }

    /** Produces and keeps today's report once the configured time of day has come. Returns it if produced now. */
    public Optional<OverdueReport> produceDueDaily() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        Instant due = today.atTime(properties.overdue().dailyTime()).atZone(properties.zone()).toInstant();
        if (now.isBefore(due) || store.exists(today)) {
            return Optional.empty();
        }
        OverdueReport report = compute(EVERYTHING);
        if (!store.insert(today, now, json.writeValueAsString(report))) {
            return Optional.empty(); // another instance was first
        }
        store.removeBefore(today.minusDays(properties.overdue().keepDays()));
        log.info("daily overdue report {}: {} complaints past a time limit", today, report.total());
        return Optional.of(report);
    }

    @Scheduled(initialDelayString = "${reporting.overdue.initial-delay:45s}", fixedDelayString = "${reporting.overdue.check-interval:5m}")
    void scheduledCheck() {
        if (properties.overdue().autoGenerate()) {
            try {
                produceDueDaily();
            } catch (RuntimeException e) {
                log.warn("daily overdue report check failed, will retry: {}", e.toString());
            }
        }
    }

    private OverdueReport compute(LedgerAccess.Scope scope) {
        Instant now = clock.instant();
        Query q = queries.query(new LedgerFilter(null, null, null, null, null, null, null, null, true), scope);
        List<LedgerEntry> entries = ledger.find(q.limit(properties.limits().maxExportRows()));
        return OverdueReport.of(LocalDate.ofInstant(now, properties.zone()), now, entries);
    }

    private void audited(CallerIdentity caller, OverdueReport report) {
        audit.record(caller, "OVERDUE_REPORT", report.items().stream().map(OverdueReport.Item::complaintNumber).toList(),
                Map.of("date", report.date().toString()));
    }
}
