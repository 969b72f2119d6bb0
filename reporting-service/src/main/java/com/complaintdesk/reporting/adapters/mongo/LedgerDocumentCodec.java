package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.kit.mongo.StoredValues;
import com.complaintdesk.reporting.ledger.domain.ComplainantView;
import com.complaintdesk.reporting.ledger.domain.Deadline;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.ledger.domain.Revisit;
import com.complaintdesk.reporting.ledger.domain.SlaIncident;
import com.complaintdesk.reporting.ledger.domain.TimelineItem;
import org.bson.Document;
import org.springframework.data.mapping.MappingException;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import static com.complaintdesk.kit.mongo.StoredValues.date;
import static com.complaintdesk.kit.mongo.StoredValues.instant;
import static com.complaintdesk.kit.mongo.StoredValues.list;
import static com.complaintdesk.kit.mongo.StoredValues.put;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hand-written conversion between {@link LedgerDocument} and the BSON document the ledger collection holds, for the
 * ledger listener's hot path (one read and one save per applied poll). It writes exactly what Spring Data's
 * {@code MappingMongoConverter} writes for the same object — field names and order, {@code null} properties left out,
 * {@code Instant} as a date, {@code _class} on the root only — and reads back what Spring Data reads, so queries,
 * the export, the rebuild and existing data see no difference ({@code LedgerDocumentCodecTest} compares both ways).
 * Payload values of a type other than the JSON tree's (string, integer, long, double, boolean, map, list) go through
 * the converter, as before.
 */
final class LedgerDocumentCodec {

    static final String TYPE_KEY = "_class";
    static final String TYPE = LedgerDocument.class.getName();

    private final MongoConverter converter;

    LedgerDocumentCodec(MongoConverter converter) {
        this.converter = converter;
    }

    // ---------------------------------------------------------------- writing

    Document write(LedgerDocument doc) {
        Document d = new Document();
        put(d, "_id", doc.getId());
        put(d, "version", doc.getVersion());
        if (doc.getEntry() != null) {
            d.put("entry", entry(doc.getEntry()));
        }
        put(d, "facts", doc.getFacts() == null ? null : new ArrayList<>(doc.getFacts()));
        put(d, "pendingCounters", list(doc.getPendingCounters(), LedgerDocumentCodec::pending));
        d.put(TYPE_KEY, TYPE);
        return d;
    }

    private Document entry(LedgerEntry e) {
        Document d = new Document();
        put(d, "complaintNumber", e.complaintNumber());
        put(d, "status", e.status());
        put(d, "acceptance", e.acceptance());
        put(d, "category", e.category());
        put(d, "severity", e.severity());
        put(d, "liability", e.liability());
        put(d, "flags", strings(e.flags()));
        put(d, "department", e.department());
        put(d, "handler", e.handler());
        d.put("queued", e.queued());
        put(d, "supervisor", e.supervisor());
        d.put("dispatchCount", e.dispatchCount());
        put(d, "lastDispatchKind", e.lastDispatchKind());
        d.put("departmentTransferCount", e.departmentTransferCount());
        put(d, "channel", e.channel());
        put(d, "complainantType", e.complainantType());
        if (e.complainant() != null) {
            d.put("complainant", complainant(e.complainant()));
        }
        put(d, "subject", e.subject());
        put(d, "content", e.content());
        d.put("confidential", e.confidential());
        put(d, "receivedAt", date(e.receivedAt()));
        put(d, "acceptedAt", date(e.acceptedAt()));
        put(d, "decidedAt", date(e.decidedAt()));
        put(d, "dispatchedAt", date(e.dispatchedAt()));
        put(d, "firstResolvedAt", date(e.firstResolvedAt()));
        put(d, "resolvedAt", date(e.resolvedAt()));
        put(d, "closedAt", date(e.closedAt()));
        put(d, "updatedAt", date(e.updatedAt()));
        if (e.deadlines() != null) {
            Document deadlines = new Document();
            e.deadlines().forEach((k, v) -> deadlines.put(key(k), v == null ? null : deadline(v)));
            d.put("deadlines", deadlines);
        }
        put(d, "nextDueAt", date(e.nextDueAt()));
        put(d, "resolvedOnTime", e.resolvedOnTime());
        d.put("urgeCount", e.urgeCount());
        d.put("appealCount", e.appealCount());
        d.put("reopenCount", e.reopenCount());
        d.put("evidenceCount", e.evidenceCount());
        put(d, "revisits", list(e.revisits(), LedgerDocumentCodec::revisit));
        put(d, "slaIncidents", list(e.slaIncidents(), LedgerDocumentCodec::incident));
        put(d, "cause", e.cause());
        put(d, "responsibleParty", e.responsibleParty());
        put(d, "solutions", strings(e.solutions()));
        put(d, "preventiveMeasures", strings(e.preventiveMeasures()));
        put(d, "collectiveCaseId", e.collectiveCaseId());
        put(d, "collectiveCasesOpened", strings(e.collectiveCasesOpened()));
        d.put("specialReportFiled", e.specialReportFiled());
        put(d, "timeline", list(e.timeline(), this::timelineItem));
        return d;
    }

    private static Document complainant(ComplainantView c) {
        Document d = new Document();
        put(d, "name", c.name());
        put(d, "phone", c.phone());
        put(d, "email", c.email());
        put(d, "type", c.type());
        return d;
    }

    private static Document deadline(Deadline x) {
        Document d = new Document();
        put(d, "clock", x.clock());
        put(d, "startedAt", date(x.startedAt()));
        put(d, "dueAt", date(x.dueAt()));
        put(d, "stoppedAt", date(x.stoppedAt()));
        put(d, "warnedAt", date(x.warnedAt()));
        put(d, "breachedAt", date(x.breachedAt()));
        put(d, "escalationLevel", x.escalationLevel());
        put(d, "state", x.state());
        return d;
    }

    private static Document revisit(Revisit r) {
        Document d = new Document();
        put(d, "at", date(r.at()));
        d.put("reached", r.reached());
        put(d, "satisfaction", r.satisfaction());
        d.put("satisfied", r.satisfied());
        d.put("onTime", r.onTime());
        put(d, "by", r.by());
        return d;
    }

    private static Document incident(SlaIncident s) {
        Document d = new Document();
        put(d, "kind", s.kind());
        put(d, "clock", s.clock());
        put(d, "level", s.level());
        put(d, "at", date(s.at()));
        return d;
    }

    private Document timelineItem(TimelineItem t) {
        Document d = new Document();
        put(d, "eventId", t.eventId());
        put(d, "type", t.type());
        put(d, "occurredAt", date(t.occurredAt()));
        put(d, "topic", t.topic());
        put(d, "producer", t.producer());
        put(d, "status", t.status());
        if (t.payload() != null) {
            d.put("payload", tree(t.payload()));
        }
        return d;
    }

    private static Document pending(LedgerDocument.PendingCounters p) {
        Document d = new Document();
        put(d, "deltaId", p.deltaId());
        put(d, "createdAt", date(p.createdAt()));
        put(d, "cells", list(p.cells(), LedgerDocumentCodec::cell));
        return d;
    }

    private static Document cell(CounterStore.CellDelta c) {
        Document d = new Document();
        put(d, "_id", c.id()); // a property named id is the document id to Spring Data, nested or not
        put(d, "granularity", c.granularity());
        put(d, "period", c.period());
        put(d, "metric", c.metric());
        put(d, "dimension", c.dimension());
        put(d, "value", c.value());
        d.put("delta", c.delta());
        return d;
    }

    /** A payload tree: maps and lists as documents and arrays, the rest as Spring Data stores a simple value. */
    private Document tree(Map<?, ?> map) {
        Document d = new Document();
        map.forEach((k, v) -> d.put(key(String.valueOf(k)), treeValue(v)));
        return d;
    }

    private Object treeValue(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return tree(m);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(treeValue(x)));
            return out;
        }
        return converter.convertToMongoType(v);
    }

    private static String key(String key) {
        if (key.contains(".")) { // what Spring Data does without a map key dot replacement
            throw new MappingException("Map key " + key + " contains dots but no replacement was configured");
        }
        return key;
    }

    private static List<String> strings(List<String> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    // ---------------------------------------------------------------- reading

    LedgerDocument read(Document d) {
        LedgerDocument doc = new LedgerDocument();
        doc.setId(string(d.get("_id")));
        Object version = d.get("version");
        doc.setVersion(version == null ? null : ((Number) version).longValue());
        Document entry = (Document) d.get("entry");
        doc.setEntry(entry == null ? null : readEntry(entry));
        if (d.containsKey("facts")) {
            doc.setFacts(stringList(d.get("facts")));
        }
        if (d.containsKey("pendingCounters")) {
            doc.setPendingCounters(readList(d.get("pendingCounters"), LedgerDocumentCodec::readPending));
        }
        return doc;
    }

    private LedgerEntry readEntry(Document d) {
        return new LedgerEntry(
                string(d.get("complaintNumber")),
                string(d.get("status")),
                string(d.get("acceptance")),
                string(d.get("category")),
                string(d.get("severity")),
                string(d.get("liability")),
                stringList(d.get("flags")),
                string(d.get("department")),
                string(d.get("handler")),
                bool(d.get("queued")),
                string(d.get("supervisor")),
                integer(d.get("dispatchCount")),
                string(d.get("lastDispatchKind")),
                integer(d.get("departmentTransferCount")),
                string(d.get("channel")),
                string(d.get("complainantType")),
                d.get("complainant") instanceof Document c ? readComplainant(c) : null,
                string(d.get("subject")),
                string(d.get("content")),
                bool(d.get("confidential")),
                instant(d.get("receivedAt")),
                instant(d.get("acceptedAt")),
                instant(d.get("decidedAt")),
                instant(d.get("dispatchedAt")),
                instant(d.get("firstResolvedAt")),
                instant(d.get("resolvedAt")),
                instant(d.get("closedAt")),
                instant(d.get("updatedAt")),
                readDeadlines(d.get("deadlines")),
                instant(d.get("nextDueAt")),
                (Boolean) d.get("resolvedOnTime"),
                integer(d.get("urgeCount")),
                integer(d.get("appealCount")),
                integer(d.get("reopenCount")),
                integer(d.get("evidenceCount")),
                readList(d.get("revisits"), LedgerDocumentCodec::readRevisit),
                readList(d.get("slaIncidents"), LedgerDocumentCodec::readIncident),
                string(d.get("cause")),
                string(d.get("responsibleParty")),
                stringList(d.get("solutions")),
                stringList(d.get("preventiveMeasures")),
                string(d.get("collectiveCaseId")),
                stringList(d.get("collectiveCasesOpened")),
                bool(d.get("specialReportFiled")),
                readList(d.get("timeline"), LedgerDocumentCodec::readTimelineItem));
    }

    private static ComplainantView readComplainant(Document d) {
        return new ComplainantView(string(d.get("name")), string(d.get("phone")), string(d.get("email")),
                string(d.get("type")));
    }

    private static Map<String, Deadline> readDeadlines(Object value) {
        if (!(value instanceof Document d)) {
            return null;
        }
        Map<String, Deadline> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, v instanceof Document x ? readDeadline(x) : null));
        return out;
    }

    private static Deadline readDeadline(Document d) {
        return new Deadline(string(d.get("clock")), instant(d.get("startedAt")), instant(d.get("dueAt")),
                instant(d.get("stoppedAt")), instant(d.get("warnedAt")), instant(d.get("breachedAt")),
                string(d.get("escalationLevel")), string(d.get("state")));
    }

    private static Revisit readRevisit(Document d) {
        Object satisfaction = d.get("satisfaction");
        return new Revisit(instant(d.get("at")), bool(d.get("reached")),
                satisfaction == null ? null : ((Number) satisfaction).intValue(), bool(d.get("satisfied")),
                bool(d.get("onTime")), string(d.get("by")));
    }

    private static SlaIncident readIncident(Document d) {
        return new SlaIncident(string(d.get("kind")), string(d.get("clock")), string(d.get("level")), instant(d.get("at")));
    }

    private static TimelineItem readTimelineItem(Document d) {
        return new TimelineItem(string(d.get("eventId")), string(d.get("type")), instant(d.get("occurredAt")),
                string(d.get("topic")), string(d.get("producer")), string(d.get("status")),
                d.get("payload") instanceof Document p ? readTree(p) : null);
    }

    private static LedgerDocument.PendingCounters readPending(Document d) {
        return new LedgerDocument.PendingCounters(string(d.get("deltaId")), instant(d.get("createdAt")),
                readList(d.get("cells"), LedgerDocumentCodec::readCell));
    }

    private static CounterStore.CellDelta readCell(Document d) {
        return new CounterStore.CellDelta(string(d.get("_id")), string(d.get("granularity")), string(d.get("period")),
                string(d.get("metric")), string(d.get("dimension")), string(d.get("value")), integer(d.get("delta")));
    }

    /** What Spring Data reads into a {@code Map<String, Object>}: maps for documents, lists for arrays, values as stored. */
    private static Map<String, Object> readTree(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, readTreeValue(v)));
        return out;
    }

    private static Object readTreeValue(Object v) {
        if (v instanceof Document d) {
            return readTree(d);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(readTreeValue(x)));
            return out;
        }
        return v;
    }

    /** The stored sub-documents read with {@code element}; an element that is not a document reads as null. */
    private static <T> List<T> readList(Object value, Function<Document, T> element) {
        return StoredValues.readList(value, o -> o instanceof Document d ? element.apply(d) : null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return value instanceof List<?> list ? new ArrayList<>((List<String>) list) : null;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean bool(Object value) {
        return value != null && (Boolean) value;
    }

    private static int integer(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
