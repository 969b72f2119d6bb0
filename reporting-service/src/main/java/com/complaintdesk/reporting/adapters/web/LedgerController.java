package com.complaintdesk.reporting.adapters.web;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.reporting.adapters.export.LedgerExports;
import com.complaintdesk.reporting.adapters.mongo.LedgerAuditTrail;
import com.complaintdesk.reporting.application.LedgerFilter;
import com.complaintdesk.reporting.application.LedgerQueries;
import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ledger 台帐 (SPEC §9, issue 6): one entry, a filtered and paged list, CSV and XLSX exports, the audit of
 * who read an entry. Personal data is masked everywhere; every read is audited.
 */
@RestController
@RequestMapping("/api/v1/ledger")
public class LedgerController {

    private final LedgerQueries queries;
    private final LedgerExports exports;
    private final LedgerAuditTrail audit;
    private final ReportingProperties properties;
    private final Clock clock;

    public LedgerController(LedgerQueries queries, LedgerExports exports, LedgerAuditTrail audit, ReportingProperties properties,
                            Clock clock) {
        this.queries = queries;
        this.exports = exports;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A row of the ledger list: the entry without its timeline. */
    public record LedgerRow(String complaintNumber, String status, String category, String severity, List<String> flags,
                            String department, String handler, boolean queued, String channel, String complainantType,
                            Object complainant, String subject, Instant receivedAt, Instant updatedAt,
                            Instant nextDueAt, boolean overdue, int urgeCount, int appealCount, int reopenCount) {
        static LedgerRow of(LedgerEntry e, Instant now) {
            return new LedgerRow(e.complaintNumber(), e.status(), e.category(), e.severity(), e.flags(), e.department(),
                    e.handler(), e.queued(), e.channel(), e.complainantType(), e.complainant(), e.subject(), e.receivedAt(),
                    e.updatedAt(), e.nextDueAt(), e.overdueAt(now), e.urgeCount(), e.appealCount(), e.reopenCount());
        }
    }

    public record LedgerPage(List<LedgerRow> items, int page, int size, long total, String sort) {
    }

    @GetMapping("/{number}")
    public LedgerEntry entry(@PathVariable String number, CallerIdentity caller) {
        return queries.get(number, caller);
    }

    @GetMapping
    public LedgerPage list(@RequestParam(required = false) List<String> status,
                           @RequestParam(required = false) List<String> category,
                           @RequestParam(required = false) List<String> severity,
                           @RequestParam(required = false) List<String> department,
                           @RequestParam(required = false) List<String> channel,
                           @RequestParam(required = false) List<String> complainantType,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size,
                           @RequestParam(defaultValue = "receivedAt,desc") String sort,
                           CallerIdentity caller) {
        LedgerFilter filter = filter(status, category, severity, department, channel, complainantType, from, to, overdue);
        var result = queries.search(filter, page, size, sort, caller);
        Instant now = clock.instant();
        return new LedgerPage(result.items().stream().map(e -> LedgerRow.of(e, now)).toList(), result.page(),
                result.size(), result.total(), result.sort());
    }

    /** The filtered ledger as a file: {@code format=csv} (UTF-8 with BOM, opens in Excel) or {@code format=xlsx}. */
    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format,
                                         @RequestParam(required = false) List<String> status,
                                         @RequestParam(required = false) List<String> category,
                                         @RequestParam(required = false) List<String> severity,
                                         @RequestParam(required = false) List<String> department,
                                         @RequestParam(required = false) List<String> channel,
                                         @RequestParam(required = false) List<String> complainantType,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(defaultValue = "receivedAt,desc") String sort,
                                         CallerIdentity caller) {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("xlsx")) {
            throw ApiException.invalid("format", "must be csv or xlsx");
        }
        LedgerFilter filter = filter(status, category, severity, department, channel, complainantType, from, to, overdue);
        List<LedgerEntry> rows = queries.export(filter, sort, fmt, caller);
        Instant now = clock.instant();
        String name = "ledger-" + LocalDate.now(clock.withZone(properties.zone())) + "." + fmt;
        byte[] body = fmt.equals("csv") ? exports.csv(rows, now) : exports.xlsx(rows, now);
        return file(body, name, fmt);
    }

    @GetMapping("/{number}/audit")
    public List<LedgerAuditTrail.AuditRecord> auditOf(@PathVariable String number, @RequestParam(defaultValue = "100") int limit,
                                                CallerIdentity caller) {
        caller.require(properties.access().auditRoles().toArray(String[]::new));
        return audit.forComplaint(number, Math.max(1, Math.min(limit, 1000)));
    }

    static ResponseEntity<byte[]> file(byte[] body, String name, String fmt) {
        MediaType type = fmt.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }

    static LedgerFilter filter(List<String> status, List<String> category, List<String> severity, List<String> department,
                               List<String> channel, List<String> complainantType, LocalDate from, LocalDate to,
                               Boolean overdue) {
        return new LedgerFilter(checked("status", status, ComplaintStatus.class), category,
                checked("severity", severity, Severity.class), department, checked("channel", channel, Channel.class),
                checked("complainantType", complainantType, ComplainantType.class), from, to, overdue);
    }

    private static <E extends Enum<E>> List<String> checked(String field, List<String> values, Class<E> type) {
        if (values == null) {
            return null;
        }
        for (String v : values) {
            try {
                Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(field, "must be one of: " + String.join(", ",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
        return values;
    }
}
