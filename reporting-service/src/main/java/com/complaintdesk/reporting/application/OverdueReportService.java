package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.adapters.mongo.LedgerAuditTrail;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.reports.domain.OverdueReport;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** SPEC §3.17: the daily overdue report from the ledger (indexed on the next due time), scoped to the caller. */
@Service
public class OverdueReportService {

    private final LedgerStore ledger;
    private final LedgerQueries queries;
    private final LedgerAuditTrail audit;
    private final ReportingProperties properties;
    private final Clock clock;

    public OverdueReportService(LedgerStore ledger, LedgerQueries queries, LedgerAuditTrail audit, ReportingProperties properties,
                                Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public OverdueReport today(CallerIdentity caller) {
        Instant now = clock.instant();
        Query q = queries.query(new LedgerFilter(null, null, null, null, null, null, null, null, true), queries.scopeOf(caller));
        List<LedgerEntry> entries = ledger.find(q.limit(properties.limits().maxExportRows()));
        OverdueReport report = OverdueReport.of(LocalDate.ofInstant(now, properties.zone()), now, entries);
        audit.record(caller, "OVERDUE_REPORT", report.items().stream().map(OverdueReport.Item::complaintNumber).toList(), Map.of());
        return report;
    }

}
