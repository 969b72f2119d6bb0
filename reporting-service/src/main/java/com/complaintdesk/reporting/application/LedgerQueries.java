package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.mongo.ScopeCriteria;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.adapters.mongo.LedgerAuditTrail;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.ledger.domain.LedgerAccess;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of the ledger: one entry, a filtered page, an export. Each read is scoped to the caller and audited. */
@Service
public class LedgerQueries {

    /** Sortable fields as the API names them → stored field. */
    public static final Map<String, String> SORTABLE = Map.of(
            "receivedAt", "entry.receivedAt", "updatedAt", "entry.updatedAt", "status", "entry.status",
            "severity", "entry.severity", "category", "entry.category", "department", "entry.department",
            "nextDueAt", "entry.nextDueAt", "complaintNumber", "_id");

    private final LedgerStore ledger;
    private final LedgerAccess access;
    private final LedgerAuditTrail audit;
    private final ReportingProperties properties;
    private final Clock clock;

    public LedgerQueries(LedgerStore ledger, LedgerAccess access, LedgerAuditTrail audit, ReportingProperties properties, Clock clock) {
        this.ledger = ledger;
        this.access = access;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    public record Page(List<LedgerEntry> items, int page, int size, long total, String sort) {
    }

    public LedgerAccess.Scope scopeOf(CallerIdentity caller) {
        LedgerAccess.Scope scope = access.scopeOf(caller.roles(), caller.department());
        if (!scope.allowed()) {
            throw ApiException.forbidden("The ledger is for staff: a triage officer, handler, department manager, "
                    + "supervisor, HQ analyst or admin.");
        }
        return scope;
    }

    public LedgerEntry get(String number, CallerIdentity caller) {
        LedgerAccess.Scope scope = scopeOf(caller);
        LedgerEntry entry = ledger.findEntry(number).filter(scope::permits)
                // not visible and not there look the same: no hint that a confidential complaint exists
                .orElseThrow(() -> ApiException.notFound("Complaint", number));
        audit.record(caller, "LEDGER_READ", List.of(number), Map.of());
        return entry;
    }

    public Page search(LedgerFilter filter, int page, int size, String sort, CallerIdentity caller) {
        if (page < 0) {
            throw ApiException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > properties.limits().maxPageSize()) {
            throw ApiException.invalid("size", "must be between 1 and " + properties.limits().maxPageSize());
        }
        Query q = query(filter, scopeOf(caller)).with(sort(sort)).skip((long) page * size).limit(size);
        List<LedgerEntry> items = ledger.find(q);
        long total = ledger.count(query(filter, scopeOf(caller)));
        audit.record(caller, "LEDGER_LIST", items.stream().map(LedgerEntry::complaintNumber).toList(), describe(filter, sort));
        return new Page(items, page, size, total, sort);
    }

    /** The whole filtered ledger for an export, up to the configured row limit. */
    public List<LedgerEntry> export(LedgerFilter filter, String sort, String format, CallerIdentity caller) {
        int max = properties.limits().maxExportRows();
        Query q = query(filter, scopeOf(caller)).with(sort(sort)).limit(max + 1);
        List<LedgerEntry> rows = ledger.find(q);
        if (rows.size() > max) {
            throw ApiException.invalid("filter", "the export would have more than " + max + " rows; narrow the filter");
        }
        Map<String, Object> described = describe(filter, sort);
        described.put("format", format);
        audit.record(caller, "LEDGER_EXPORT", rows.stream().map(LedgerEntry::complaintNumber).toList(), described);
        return rows;
    }

    /**
     * Which of these complaints the caller may see: for report rows that name a complaint (the monthly report's
     * corrective actions), cut to the same scope as the ledger; none for a caller without a ledger scope.
     */
    public Set<String> visible(Collection<String> numbers, CallerIdentity caller) {
        LedgerAccess.Scope scope = access.scopeOf(caller.roles(), caller.department());
        if (!scope.allowed() || numbers.isEmpty()) {
            return Set.of();
        }
        return ledger.find(new Query(Criteria.where("_id").in(numbers))).stream().filter(scope::permits)
                .map(LedgerEntry::complaintNumber).collect(Collectors.toSet());
    }

    /** The mongo query for a filter within a caller's scope; visible for the overdue report. */
    public Query query(LedgerFilter f, LedgerAccess.Scope scope) {
        List<Criteria> all = new ArrayList<>();
        in(all, "entry.status", f.status());
        in(all, "entry.category", f.category());
        in(all, "entry.severity", f.severity());
        in(all, "entry.department", f.department());
        in(all, "entry.channel", f.channel());
        in(all, "entry.complainantType", f.complainantType());
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (f.from() != null) {
            all.add(Criteria.where("entry.receivedAt").gte(startOf(f.from())));
        }
        if (f.to() != null) {
            all.add(Criteria.where("entry.receivedAt").lt(startOf(f.to().plusDays(1))));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            all.add(Criteria.where("entry.nextDueAt").lt(clock.instant()));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            all.add(new Criteria().orOperator(Criteria.where("entry.nextDueAt").is(null),
                    Criteria.where("entry.nextDueAt").gte(clock.instant())));
        }
        all.addAll(ScopeCriteria.of(scope.rule(), "entry.department", "entry.confidential"));
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }

    public Sort sort(String sort) {
        String s = sort == null || sort.isBlank() ? "receivedAt,desc" : sort;
        String[] parts = s.split(",");
        String field = SORTABLE.get(parts[0].trim());
        if (field == null) {
            throw ApiException.invalid("sort", "must be one of " + String.join(", ", SORTABLE.keySet()) + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction dir = parts.length > 1 && parts[1].trim().equalsIgnoreCase("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(dir, field).and(Sort.by(Sort.Direction.ASC, "_id"));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(properties.zone()).toInstant();
    }

    private static void in(List<Criteria> all, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            all.add(Criteria.where(field).in(values));
        }
    }

    private static Map<String, Object> describe(LedgerFilter f, String sort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", String.valueOf(f));
        m.put("sort", sort);
        return m;
    }
}
