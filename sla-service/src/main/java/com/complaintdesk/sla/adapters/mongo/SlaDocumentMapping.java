package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.kit.outbox.OutboxEvent;
import com.complaintdesk.kit.outbox.OutboxKeepingUpdate;
import com.complaintdesk.sla.domain.ClockMetric;
import com.complaintdesk.sla.domain.ComplaintFacts;
import com.complaintdesk.sla.domain.ComplaintSla;
import com.complaintdesk.sla.domain.EscalationStep;
import com.complaintdesk.sla.domain.Pause;
import com.complaintdesk.sla.domain.SlaClock;
import com.complaintdesk.sla.domain.TargetKind;
import org.bson.Document;

import static com.complaintdesk.kit.mongo.StoredValues.date;
import static com.complaintdesk.kit.mongo.StoredValues.instant;
import static com.complaintdesk.kit.mongo.StoredValues.list;
import static com.complaintdesk.kit.mongo.StoredValues.put;
import static com.complaintdesk.kit.mongo.StoredValues.readList;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link SlaDocument} to and from its stored BSON by hand, in exactly the form Spring Data's {@code MappingMongoConverter}
 * writes and reads it (the hot path of sla-service spent a third of its store time in that converter's reflection).
 * The rules copied from Spring Data, so the stored format does not change (SlaDocumentMappingTest compares both
 * ways on every field kind):
 * <ul>
 *   <li>{@code _id} first, then each class's fields in declaration order, the subclass's before {@code OutboxDocument}'s,
 *       then {@code _class} (the root's class name; nested values have their declared type and carry none);</li>
 *   <li>a null field is left out, an empty collection is written; primitives are always written;</li>
 *   <li>{@code Instant} as a BSON date (milliseconds), {@code LocalDate} as the date of its start of day in the JVM's
 *       zone, {@code Duration} as its ISO-8601 text, enums by name, a {@code Set} as an array, a {@code Map} as a
 *       sub-document;</li>
 *   <li>reading: a field absent from the document keeps what the no-argument constructor gave it; records are made
 *       through their canonical constructor (absent = null, false, 0); collections are read into
 *       {@code ArrayList}/{@code LinkedHashSet}/{@code LinkedHashMap}, mutable as the domain needs them.</li>
 * </ul>
 * The domain classes {@link ComplaintSla} and {@link SlaClock} keep their fields private and have no persistence
 * code (DomainPurityTest); like Spring Data, this reads and writes those fields directly (VarHandles: after JIT as
 * cheap as a field access).
 */
final class SlaDocumentMapping {

    static final String CLASS = "_class";
    static final String OUTBOX = OutboxKeepingUpdate.OUTBOX;
    static final String OUTBOX_PENDING = OutboxKeepingUpdate.OUTBOX_PENDING;
    /** Every top-level key {@link #write} can write, in its order (SlaDocumentMappingTest checks it against a write). */
    static final List<String> FIELDS = List.of("_id", "sla", "wakeAt", "leaseOwner", "leaseUntil", "leaseToken", "overdue",
            "overdueClocks", "correlationId", "updatedAt", OUTBOX, OUTBOX_PENDING, "processedEvents", "version", CLASS);

    private SlaDocumentMapping() {
    }

    // ---- SlaDocument ----------------------------------------------------------------------------------------------

    static Document write(SlaDocument d) {
        Document out = new Document();
        put(out, "_id", d.id);
        if (d.sla != null) {
            out.put("sla", writeSla(d.sla));
        }
        put(out, "wakeAt", date(d.wakeAt));
        put(out, "leaseOwner", d.leaseOwner);
        put(out, "leaseUntil", date(d.leaseUntil));
        put(out, "leaseToken", d.leaseToken);
        out.put("overdue", d.overdue);
        put(out, "overdueClocks", list(d.overdueClocks, Function.identity()));
        put(out, "correlationId", d.correlationId);
        put(out, "updatedAt", date(d.updatedAt));
        put(out, OUTBOX, list(d.getOutbox(), SlaDocumentMapping::writeOutboxEvent));
        out.put(OUTBOX_PENDING, d.isOutboxPending());
        put(out, "processedEvents", list(d.getProcessedEvents(), Function.identity()));
        put(out, "version", d.getVersion());
        out.put(CLASS, SlaDocument.class.getName());
        return out;
    }

    /**
     * The update of a versioned save, which leaves the outbox to the relay and adds only this save's events to it
     * (the kit's {@link OutboxKeepingUpdate}, with every field a clocks document has).
     *
     * @param written {@link #write} of the document at the version the save stores
     */
    static Document update(Document written, long storedVersion) {
        return OutboxKeepingUpdate.of(written, storedVersion, FIELDS);
    }

    static SlaDocument read(Document in) {
        SlaDocument d = new SlaDocument();
        if (in.containsKey("_id")) {
            Object id = in.get("_id");
            d.id = id == null ? null : id.toString();
        }
        if (in.containsKey("sla")) {
            d.sla = readSla((Document) in.get("sla"));
        }
        if (in.containsKey("wakeAt")) {
            d.wakeAt = instant(in.get("wakeAt"));
        }
        if (in.containsKey("leaseOwner")) {
            d.leaseOwner = in.getString("leaseOwner");
        }
        if (in.containsKey("leaseUntil")) {
            d.leaseUntil = instant(in.get("leaseUntil"));
        }
        if (in.containsKey("leaseToken")) {
            d.leaseToken = in.getString("leaseToken");
        }
        if (in.get("overdue") instanceof Boolean b) {
            d.overdue = b;
        }
        if (in.containsKey("overdueClocks")) {
            d.overdueClocks = readList(in.get("overdueClocks"), String.class::cast);
        }
        if (in.containsKey("correlationId")) {
            d.correlationId = in.getString("correlationId");
        }
        if (in.containsKey("updatedAt")) {
            d.updatedAt = instant(in.get("updatedAt"));
        }
        if (in.containsKey(OUTBOX)) {
            d.setOutbox(readList(in.get(OUTBOX), o -> readOutboxEvent((Document) o)));
        }
        if (in.get(OUTBOX_PENDING) instanceof Boolean b) {
            d.setOutboxPending(b);
        }
        if (in.containsKey("processedEvents")) {
            d.setProcessedEvents(readList(in.get("processedEvents"), String.class::cast));
        }
        if (in.containsKey("version")) {
            d.setVersion(in.get("version") instanceof Number n ? n.longValue() : null);
        }
        return d;
    }

    private static Document writeOutboxEvent(OutboxEvent e) {
        Document out = new Document();
        put(out, "outboxId", e.outboxId());
        put(out, "eventId", e.eventId());
        put(out, "type", e.type());
        put(out, "topic", e.topic());
        put(out, "key", e.key());
        put(out, "json", e.json());
        put(out, "storedVersion", e.storedVersion());
        put(out, "traceParent", e.traceParent());
        return out;
    }

    private static OutboxEvent readOutboxEvent(Document in) {
        return in == null ? null : new OutboxEvent(in.getString("outboxId"), in.getString("eventId"), in.getString("type"),
                in.getString("topic"), in.getString("key"), in.getString("json"),
                in.get("storedVersion") instanceof Number n ? n.longValue() : null, in.getString("traceParent"));
    }

    // ---- ComplaintSla ---------------------------------------------------------------------------------------------

    private static final MethodHandles.Lookup SLA_LOOKUP = privateLookup(ComplaintSla.class);
    private static final MethodHandle SLA_NEW = constructor(SLA_LOOKUP, ComplaintSla.class);
    private static final VarHandle SLA_COMPLAINT_ID = field(SLA_LOOKUP, ComplaintSla.class, "complaintId", String.class);
    private static final VarHandle SLA_FACTS = field(SLA_LOOKUP, ComplaintSla.class, "facts", ComplaintFacts.class);
    private static final VarHandle SLA_CLOCKS = field(SLA_LOOKUP, ComplaintSla.class, "clocks", Map.class);
    private static final VarHandle SLA_FINISHED = field(SLA_LOOKUP, ComplaintSla.class, "finished", List.class);
    private static final VarHandle SLA_DECIDED = field(SLA_LOOKUP, ComplaintSla.class, "decided", boolean.class);
    private static final VarHandle SLA_AWAITING = field(SLA_LOOKUP, ComplaintSla.class, "awaitingDocuments", boolean.class);
    private static final VarHandle SLA_CLOSED = field(SLA_LOOKUP, ComplaintSla.class, "closed", boolean.class);
    private static final VarHandle SLA_ACCEPTED_AT = field(SLA_LOOKUP, ComplaintSla.class, "acceptedAt", Instant.class);
    private static final VarHandle SLA_FIRST_RESPONSE_AT = field(SLA_LOOKUP, ComplaintSla.class, "firstResponseAt", Instant.class);
    private static final VarHandle SLA_RESOLVED_AT = field(SLA_LOOKUP, ComplaintSla.class, "resolvedAt", Instant.class);
    private static final VarHandle SLA_CLOSED_AT = field(SLA_LOOKUP, ComplaintSla.class, "closedAt", Instant.class);
    private static final VarHandle SLA_DEPARTMENT = field(SLA_LOOKUP, ComplaintSla.class, "department", String.class);
    private static final VarHandle SLA_CONFIDENTIAL = field(SLA_LOOKUP, ComplaintSla.class, "confidential", boolean.class);

    @SuppressWarnings("unchecked")
    private static Document writeSla(ComplaintSla s) {
        Document out = new Document();
        put(out, "complaintId", SLA_COMPLAINT_ID.get(s));
        ComplaintFacts facts = (ComplaintFacts) SLA_FACTS.get(s);
        if (facts != null) {
            out.put("facts", writeFacts(facts));
        }
        Map<String, SlaClock> clocks = (Map<String, SlaClock>) SLA_CLOCKS.get(s);
        if (clocks != null) {
            Document byName = new Document();
            clocks.forEach((name, clock) -> byName.put(name, clock == null ? null : writeClock(clock)));
            out.put("clocks", byName);
        }
        put(out, "finished", list((List<SlaClock>) SLA_FINISHED.get(s), SlaDocumentMapping::writeClock));
        out.put("decided", (boolean) SLA_DECIDED.get(s));
        out.put("awaitingDocuments", (boolean) SLA_AWAITING.get(s));
        out.put("closed", (boolean) SLA_CLOSED.get(s));
        put(out, "acceptedAt", date((Instant) SLA_ACCEPTED_AT.get(s)));
        put(out, "firstResponseAt", date((Instant) SLA_FIRST_RESPONSE_AT.get(s)));
        put(out, "resolvedAt", date((Instant) SLA_RESOLVED_AT.get(s)));
        put(out, "closedAt", date((Instant) SLA_CLOSED_AT.get(s)));
        put(out, "department", SLA_DEPARTMENT.get(s));
        out.put("confidential", (boolean) SLA_CONFIDENTIAL.get(s));
        return out;
    }

    private static ComplaintSla readSla(Document in) {
        if (in == null) {
            return null;
        }
        ComplaintSla s = newInstance(SLA_NEW);
        if (in.containsKey("complaintId")) {
            SLA_COMPLAINT_ID.set(s, in.getString("complaintId"));
        }
        if (in.containsKey("facts")) {
            SLA_FACTS.set(s, readFacts((Document) in.get("facts")));
        }
        if (in.containsKey("clocks")) {
            Document byName = (Document) in.get("clocks");
            Map<String, SlaClock> clocks = null;
            if (byName != null) {
                clocks = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : byName.entrySet()) {
                    clocks.put(e.getKey(), readClock((Document) e.getValue()));
                }
            }
            SLA_CLOCKS.set(s, clocks);
        }
        if (in.containsKey("finished")) {
            SLA_FINISHED.set(s, readList(in.get("finished"), o -> readClock((Document) o)));
        }
        setBoolean(in, "decided", s, SLA_DECIDED);
        setBoolean(in, "awaitingDocuments", s, SLA_AWAITING);
        setBoolean(in, "closed", s, SLA_CLOSED);
        setInstant(in, "acceptedAt", s, SLA_ACCEPTED_AT);
        setInstant(in, "firstResponseAt", s, SLA_FIRST_RESPONSE_AT);
        setInstant(in, "resolvedAt", s, SLA_RESOLVED_AT);
        setInstant(in, "closedAt", s, SLA_CLOSED_AT);
        if (in.containsKey("department")) {
            SLA_DEPARTMENT.set(s, in.getString("department"));
        }
        setBoolean(in, "confidential", s, SLA_CONFIDENTIAL);
        return s;
    }

    private static Document writeFacts(ComplaintFacts f) {
        Document out = new Document();
        put(out, "receivedAt", date(f.receivedAt()));
        put(out, "clockStartsAt", date(f.clockStartsAt()));
        out.put("outOfHours", f.outOfHours());
        put(out, "complainantType", name(f.complainantType()));
        put(out, "requestedDeadline", localDate(f.requestedDeadline()));
        put(out, "category", f.category());
        put(out, "severity", name(f.severity()));
        put(out, "liability", name(f.liability()));
        put(out, "flags", list(f.flags(), SlaDocumentMapping::name));
        return out;
    }

    private static ComplaintFacts readFacts(Document in) {
        if (in == null) {
            return null;
        }
        Set<Flag> flags = null;
        if (in.get("flags") instanceof Collection<?> c) {
            flags = new LinkedHashSet<>();
            for (Object o : c) {
                flags.add(o == null ? null : Flag.valueOf(o.toString()));
            }
        }
        return new ComplaintFacts(instant(in.get("receivedAt")), instant(in.get("clockStartsAt")),
                in.get("outOfHours") instanceof Boolean b && b, enumOf(ComplainantType.class, in.get("complainantType")),
                readLocalDate(in.get("requestedDeadline")), in.getString("category"), enumOf(Severity.class, in.get("severity")),
                enumOf(Liability.class, in.get("liability")), flags);
    }

    // ---- SlaClock -------------------------------------------------------------------------------------------------

    private static final MethodHandles.Lookup CLOCK_LOOKUP = privateLookup(SlaClock.class);
    private static final MethodHandle CLOCK_NEW = constructor(CLOCK_LOOKUP, SlaClock.class);
    private static final VarHandle C_NAME = field(CLOCK_LOOKUP, SlaClock.class, "name", String.class);
    private static final VarHandle C_POLICY_ID = field(CLOCK_LOOKUP, SlaClock.class, "policyId", String.class);
    private static final VarHandle C_KIND = field(CLOCK_LOOKUP, SlaClock.class, "kind", TargetKind.class);
    private static final VarHandle C_TARGET = field(CLOCK_LOOKUP, SlaClock.class, "target", Duration.class);
    private static final VarHandle C_WORKING_DAYS = field(CLOCK_LOOKUP, SlaClock.class, "workingDays", int.class);
    private static final VarHandle C_WARN_AT_PERCENT = field(CLOCK_LOOKUP, SlaClock.class, "warnAtPercent", int.class);
    private static final VarHandle C_UPGRADE = field(CLOCK_LOOKUP, SlaClock.class, "upgradeToMajorOnBreach", boolean.class);
    private static final VarHandle C_LADDER = field(CLOCK_LOOKUP, SlaClock.class, "ladder", List.class);
    private static final VarHandle C_REQUESTED_DUE_AT = field(CLOCK_LOOKUP, SlaClock.class, "requestedDueAt", Instant.class);
    private static final VarHandle C_STATE = field(CLOCK_LOOKUP, SlaClock.class, "state", SlaClock.State.class);
    private static final VarHandle C_STARTED_AT = field(CLOCK_LOOKUP, SlaClock.class, "startedAt", Instant.class);
    private static final VarHandle C_DUE_AT = field(CLOCK_LOOKUP, SlaClock.class, "dueAt", Instant.class);
    private static final VarHandle C_WARN_AT = field(CLOCK_LOOKUP, SlaClock.class, "warnAt", Instant.class);
    private static final VarHandle C_WARNED_AT = field(CLOCK_LOOKUP, SlaClock.class, "warnedAt", Instant.class);
    private static final VarHandle C_BREACHED_AT = field(CLOCK_LOOKUP, SlaClock.class, "breachedAt", Instant.class);
    private static final VarHandle C_LEVEL = field(CLOCK_LOOKUP, SlaClock.class, "level", EscalationLevel.class);
    private static final VarHandle C_NEXT_STEP = field(CLOCK_LOOKUP, SlaClock.class, "nextStep", int.class);
    private static final VarHandle C_NEXT_ESCALATION_AT = field(CLOCK_LOOKUP, SlaClock.class, "nextEscalationAt", Instant.class);
    private static final VarHandle C_STOPPED_AT = field(CLOCK_LOOKUP, SlaClock.class, "stoppedAt", Instant.class);
    private static final VarHandle C_STOP_REASON = field(CLOCK_LOOKUP, SlaClock.class, "stopReason", String.class);
    private static final VarHandle C_PAUSES = field(CLOCK_LOOKUP, SlaClock.class, "pauses", List.class);
    private static final VarHandle C_HISTORY = field(CLOCK_LOOKUP, SlaClock.class, "history", List.class);

    @SuppressWarnings("unchecked")
    private static Document writeClock(SlaClock c) {
        Document out = new Document();
        put(out, "name", C_NAME.get(c));
        put(out, "policyId", C_POLICY_ID.get(c));
        put(out, "kind", name((TargetKind) C_KIND.get(c)));
        Duration target = (Duration) C_TARGET.get(c);
        put(out, "target", target == null ? null : target.toString());
        out.put("workingDays", (int) C_WORKING_DAYS.get(c));
        out.put("warnAtPercent", (int) C_WARN_AT_PERCENT.get(c));
        out.put("upgradeToMajorOnBreach", (boolean) C_UPGRADE.get(c));
        put(out, "ladder", list((List<EscalationStep>) C_LADDER.get(c), SlaDocumentMapping::writeStep));
        put(out, "requestedDueAt", date((Instant) C_REQUESTED_DUE_AT.get(c)));
        put(out, "state", name((SlaClock.State) C_STATE.get(c)));
        put(out, "startedAt", date((Instant) C_STARTED_AT.get(c)));
        put(out, "dueAt", date((Instant) C_DUE_AT.get(c)));
        put(out, "warnAt", date((Instant) C_WARN_AT.get(c)));
        put(out, "warnedAt", date((Instant) C_WARNED_AT.get(c)));
        put(out, "breachedAt", date((Instant) C_BREACHED_AT.get(c)));
        put(out, "level", name((EscalationLevel) C_LEVEL.get(c)));
        out.put("nextStep", (int) C_NEXT_STEP.get(c));
        put(out, "nextEscalationAt", date((Instant) C_NEXT_ESCALATION_AT.get(c)));
        put(out, "stoppedAt", date((Instant) C_STOPPED_AT.get(c)));
        put(out, "stopReason", C_STOP_REASON.get(c));
        put(out, "pauses", list((List<Pause>) C_PAUSES.get(c), SlaDocumentMapping::writePause));
        put(out, "history", list((List<ClockMetric>) C_HISTORY.get(c), SlaDocumentMapping::writeMetric));
        return out;
    }

    private static SlaClock readClock(Document in) {
        if (in == null) {
            return null;
        }
        SlaClock c = newInstance(CLOCK_NEW);
        if (in.containsKey("name")) {
            C_NAME.set(c, in.getString("name"));
        }
        if (in.containsKey("policyId")) {
            C_POLICY_ID.set(c, in.getString("policyId"));
        }
        if (in.containsKey("kind")) {
            C_KIND.set(c, enumOf(TargetKind.class, in.get("kind")));
        }
        if (in.containsKey("target")) {
            C_TARGET.set(c, duration(in.get("target")));
        }
        setInt(in, "workingDays", c, C_WORKING_DAYS);
        setInt(in, "warnAtPercent", c, C_WARN_AT_PERCENT);
        setBoolean(in, "upgradeToMajorOnBreach", c, C_UPGRADE);
        if (in.containsKey("ladder")) {
            C_LADDER.set(c, readList(in.get("ladder"), o -> readStep((Document) o)));
        }
        setInstant(in, "requestedDueAt", c, C_REQUESTED_DUE_AT);
        if (in.containsKey("state")) {
            C_STATE.set(c, enumOf(SlaClock.State.class, in.get("state")));
        }
        setInstant(in, "startedAt", c, C_STARTED_AT);
        setInstant(in, "dueAt", c, C_DUE_AT);
        setInstant(in, "warnAt", c, C_WARN_AT);
        setInstant(in, "warnedAt", c, C_WARNED_AT);
        setInstant(in, "breachedAt", c, C_BREACHED_AT);
        if (in.containsKey("level")) {
            C_LEVEL.set(c, enumOf(EscalationLevel.class, in.get("level")));
        }
        setInt(in, "nextStep", c, C_NEXT_STEP);
        setInstant(in, "nextEscalationAt", c, C_NEXT_ESCALATION_AT);
        setInstant(in, "stoppedAt", c, C_STOPPED_AT);
        if (in.containsKey("stopReason")) {
            C_STOP_REASON.set(c, in.getString("stopReason"));
        }
        if (in.containsKey("pauses")) {
            C_PAUSES.set(c, readList(in.get("pauses"), o -> readPause((Document) o)));
        }
        if (in.containsKey("history")) {
            C_HISTORY.set(c, readList(in.get("history"), o -> readMetric((Document) o)));
        }
        return c;
    }

    private static Document writeStep(EscalationStep s) {
        Document out = new Document();
        put(out, "level", name(s.level()));
        put(out, "after", s.after() == null ? null : s.after().toString());
        return out;
    }

    private static EscalationStep readStep(Document in) {
        return in == null ? null : new EscalationStep(enumOf(EscalationLevel.class, in.get("level")), duration(in.get("after")));
    }

    private static Document writePause(Pause p) {
        Document out = new Document();
        put(out, "from", date(p.from()));
        put(out, "to", date(p.to()));
        put(out, "reason", p.reason());
        return out;
    }

    private static Pause readPause(Document in) {
        return in == null ? null : new Pause(instant(in.get("from")), instant(in.get("to")), in.getString("reason"));
    }

    private static Document writeMetric(ClockMetric m) {
        Document out = new Document();
        put(out, "kind", name(m.kind()));
        put(out, "at", date(m.at()));
        put(out, "detail", m.detail());
        return out;
    }

    private static ClockMetric readMetric(Document in) {
        return in == null ? null : new ClockMetric(enumOf(ClockMetric.Kind.class, in.get("kind")), instant(in.get("at")),
                in.getString("detail"));
    }

    // ---- values ---------------------------------------------------------------------------------------------------

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object stored) {
        return stored == null ? null : Enum.valueOf(type, stored.toString());
    }

    private static Duration duration(Object stored) {
        return stored == null ? null : Duration.parse(stored.toString());
    }

    /** As Spring Data's {@code Jsr310Converters.LocalDateToDateConverter}: start of the day in the JVM's zone. */
    private static Date localDate(LocalDate d) {
        return d == null ? null : Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** As Spring Data's {@code Jsr310Converters.DateToLocalDateConverter}. */
    private static LocalDate readLocalDate(Object stored) {
        return stored instanceof Date d ? d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate() : null;
    }

    private static void setBoolean(Document in, String key, Object target, VarHandle field) {
        if (in.get(key) instanceof Boolean b) {
            field.set(target, (boolean) b);
        }
    }

    private static void setInt(Document in, String key, Object target, VarHandle field) {
        if (in.get(key) instanceof Number n) {
            field.set(target, n.intValue());
        }
    }

    private static void setInstant(Document in, String key, Object target, VarHandle field) {
        if (in.containsKey(key)) {
            field.set(target, instant(in.get(key)));
        }
    }

    // ---- field access ---------------------------------------------------------------------------------------------

    private static MethodHandles.Lookup privateLookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle constructor(MethodHandles.Lookup lookup, Class<?> type) {
        try {
            return lookup.findConstructor(type, MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static VarHandle field(MethodHandles.Lookup lookup, Class<?> type, String name, Class<?> fieldType) {
        try {
            return lookup.findVarHandle(type, name, fieldType);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T newInstance(MethodHandle constructor) {
        try {
            return (T) constructor.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create " + constructor.type().returnType(), e);
        }
    }
}
