package com.complaintdesk.reporting.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds every event of one complaint into its ledger entry. The entry is a pure function of the <em>set</em> of
 * events: the same events in any arrival order, delivered once or ten times, give the same entry — which is what
 * makes the read model safe to replay and to rebuild from offset zero.
 */
public final class LedgerProjection {

    /** The status each status-bearing event leads to (SPEC §3). Other events leave the status as it is. */
    private static final Map<String, String> STATUS_AFTER = Map.ofEntries(
            Map.entry("ComplaintReceived", "RECEIVED"),
            Map.entry("AwaitingDocuments", "AWAITING_DOCUMENTS"),
            Map.entry("ComplaintAccepted", "ACCEPTED"),
            Map.entry("ComplaintRejected", "REJECTED"),
            Map.entry("ComplaintTransferred", "TRANSFERRED"),
            Map.entry("ComplaintTriaged", "TRIAGED"),
            Map.entry("ComplaintDispatched", "DISPATCHED"),
            Map.entry("InvestigationRecorded", "INVESTIGATING"),
            Map.entry("SolutionProposed", "SOLUTION_PROPOSED"),
            Map.entry("SolutionAccepted", "IN_PROGRESS"),
            Map.entry("SolutionRejected", "APPEALED"),
            Map.entry("ComplaintResolved", "RESOLVED"),
            Map.entry("ComplaintReopened", "REOPENED"),
            Map.entry("ComplaintClosed", "CLOSED"));

    private static final Set<String> NO_RUNNING_CLOCKS = Set.of("CLOSED", "REJECTED", "TRANSFERRED", "AWAITING_DOCUMENTS");
    private static final List<String> SEVERITY_ORDER = List.of("GENERAL", "IMPORTANT", "MAJOR");

    private final ProjectionSettings settings;

    public LedgerProjection(ProjectionSettings settings) {
        this.settings = settings;
    }

    public static boolean isStatusBearing(String type) {
        return STATUS_AFTER.containsKey(type);
    }

    public LedgerEntry project(String complaintNumber, Collection<LedgerEvent> events) {
        List<LedgerEvent> ordered = new ArrayList<>(events);
        ordered.sort(LifecycleOrder.TIMELINE);
        Fold f = new Fold();
        List<TimelineItem> timeline = new ArrayList<>(ordered.size());
        for (LedgerEvent e : ordered) {
            f.apply(e);
            timeline.add(new TimelineItem(e.eventId(), e.type(), e.occurredAt(), e.topic(), e.producer(), f.status,
                    PersonalDataMask.payload(e.payload())));
        }
        return f.entry(complaintNumber, timeline);
    }

    /** The mutable state of one fold; never leaves this class. */
    private final class Fold {
        String status;
        String acceptance = "PENDING";
        String category;
        String severity;
        String liability;
        Set<String> flags = new TreeSet<>();
        boolean outOfHours;
        String department;
        String handler;
        boolean queued;
        int dispatches;
        String dispatchKind;
        int transfers;
        String supervisor;
        String channel;
        String complainantType;
        ComplainantView complainant;
        String subject;
        String content;
        boolean dispatchedConfidential;
        Instant receivedAt;
        Instant acceptedAt;
        Instant decidedAt;
        Instant dispatchedAt;
        Instant firstResolvedAt;
        Instant resolvedAt;
        Boolean resolvedOnTime;
        Instant closedAt;
        Instant updatedAt;
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        int urges;
        int appeals;
        int reopens;
        int evidence;
        List<Revisit> revisits = new ArrayList<>();
        List<SlaIncident> incidents = new ArrayList<>();
        String cause;
        String responsibleParty;
        List<String> solutions = new ArrayList<>();
        Set<String> preventive = new LinkedHashSet<>();
        String collectiveCaseId;
        Set<String> collectiveOpened = new LinkedHashSet<>();
        boolean specialReport;

        void apply(LedgerEvent e) {
            Payload p = e.body();
            Instant at = e.occurredAt();
            if (at != null && (updatedAt == null || at.isAfter(updatedAt))) {
                updatedAt = at;
            }
            String next = STATUS_AFTER.get(e.type());
            if (next != null) {
                status = next;
            }
            switch (e.type()) {
                case "ComplaintReceived" -> {
                    channel = p.text("channel");
                    Payload c = p.child("complainant");
                    complainantType = c.text("type");
                    complainant = new ComplainantView(PersonalDataMask.name(c.text("name")),
                            PersonalDataMask.phone(c.text("phone")), PersonalDataMask.email(c.text("email")), complainantType);
                    subject = p.text("subject");
                    content = PersonalDataMask.freeText(p.text("content"));
                    receivedAt = firstNonNull(p.instant("receivedAt"), at);
                    outOfHours = p.flag("outOfHours");
                    evidence = Math.max(evidence, p.children("evidence").size());
                }
                case "EvidenceAdded" -> {
                    Integer count = p.integer("evidenceCount");
                    evidence = count != null ? Math.max(evidence, count) : evidence + 1;
                }
                case "ComplaintUrged" -> {
                    Integer count = p.integer("urgeCount");
                    urges = count != null ? Math.max(urges, count) : urges + 1;
                }
                case "AwaitingDocuments" -> acceptance = "AWAITING_DOCUMENTS";
                case "ComplaintAccepted" -> {
                    acceptance = "ACCEPTED";
                    acceptedAt = acceptedAt == null ? at : acceptedAt;
                    decidedAt = decidedAt == null ? at : decidedAt;
                }
                case "ComplaintRejected" -> {
                    acceptance = "REJECTED";
                    decidedAt = decidedAt == null ? at : decidedAt;
                }
                case "ComplaintTransferred" -> {
                    acceptance = "TRANSFERRED";
                    decidedAt = decidedAt == null ? at : decidedAt;
                }
                case "ComplaintTriaged", "ComplaintReclassified" -> {
                    category = firstNonNull(p.text("category"), category);
                    severity = firstNonNull(p.text("severity"), severity);
                    liability = firstNonNull(p.text("liability"), liability);
                    if (p.has("flags")) {
                        flags = new TreeSet<>(p.texts("flags"));
                    }
                    collectiveCaseId = firstNonNull(p.text("collectiveCaseId"), collectiveCaseId);
                    subject = firstNonNull(p.text("subject"), subject);
                }
                case "SeverityUpgradeRequested" -> {
                    // SPEC §3.5: a LIABLE complaint unresolved after a month becomes MAJOR; only ever upwards
                    String to = p.text("to");
                    if (to != null && SEVERITY_ORDER.indexOf(to) > SEVERITY_ORDER.indexOf(severity)) {
                        severity = to;
                    }
                }
                case "CollectiveCaseOpened" -> {
                    String caseId = p.text("caseId");
                    if (caseId != null) {
                        collectiveOpened.add(caseId);
                        collectiveCaseId = collectiveCaseId == null ? caseId : collectiveCaseId;
                    }
                }
                case "ComplaintDispatched" -> {
                    // every dispatch (the first, from the queue, after a transfer or a reopen) names the whole
                    // assignment: a queued one has no handler and a non-MAJOR one no supervisor, so nothing of an
                    // earlier assignment may linger
                    department = firstNonNull(p.text("department"), department);
                    handler = p.text("handler");
                    supervisor = p.text("supervisor");
                    queued = p.flag("queued") || handler == null;
                    // ROUTED, ASSIGNED_FROM_QUEUE, TRANSFERRED, REOPENED; absent on events from before it existed
                    dispatchKind = firstNonNull(p.text("kind"), dispatches == 0 ? "ROUTED" : null);
                    dispatchedConfidential = dispatchedConfidential || p.flag("confidential");
                    dispatchedAt = dispatchedAt == null ? at : dispatchedAt;
                    dispatches++;
                    Integer sequence = p.integer("sequence");
                    if (sequence != null && sequence > dispatches) {
                        dispatches = sequence; // an earlier dispatch is missing here (e.g. a topic cleaned up)
                    }
                }
                case "DepartmentTransferred" -> {
                    department = firstNonNull(p.text("toDepartment"), department);
                    handler = p.text("toHandler"); // null: waits in the new department's queue
                    queued = handler == null;
                    transfers++;
                }
                case "SupervisorAssigned" -> supervisor = firstNonNull(p.text("supervisor"), supervisor);
                case "ComplaintReassigned" -> {
                    department = firstNonNull(p.text("department"), department);
                    handler = firstNonNull(p.text("toHandler"), handler);
                    queued = handler == null;
                }
                case "InvestigationRecorded" -> {
                    cause = firstNonNull(p.text("cause"), cause);
                    responsibleParty = firstNonNull(p.text("responsibleParty"), responsibleParty);
                }
                case "SolutionProposed" -> {
                    solutions = new ArrayList<>();
                    for (Payload item : p.children("items")) {
                        Payload amount = item.child("amount");
                        String money = amount.has("amount") ? " " + amount.text("amount") + " " + firstNonNull(amount.text("currency"), "") : "";
                        solutions.add((item.text("kind") + ": " + firstNonNull(item.text("description"), "") + money).strip());
                    }
                    preventive.addAll(p.texts("preventiveMeasures"));
                }
                case "SolutionRejected" -> appeals++; // SPEC §3.11: a rejection is an appeal
                case "PreventiveMeasureRecorded" -> {
                    String m = p.text("measure");
                    if (m != null) {
                        preventive.add(m);
                    }
                }
                case "ComplaintResolved" -> {
                    department = firstNonNull(p.text("department"), department);
                    handler = firstNonNull(p.text("handler"), handler);
                    resolvedAt = at;
                    if (firstResolvedAt == null) {
                        firstResolvedAt = at;
                        resolvedOnTime = onTime(at);
                    }
                }
                case "RevisitDone" -> revisits.add(new Revisit(at, p.flag("reached"), p.integer("satisfaction"),
                        p.flag("satisfied"), p.optionalFlag("onTime") == null || p.flag("onTime"), p.text("by")));
                case "ComplaintReopened" -> {
                    Integer count = p.integer("reopenCount");
                    reopens = count != null ? Math.max(reopens + 1, count) : reopens + 1;
                    department = firstNonNull(p.text("department"), department);
                    // the payload names the handler who resolved it; the new assignment comes with the next dispatch
                    handler = firstNonNull(handler, p.text("handler"));
                }
                case "SpecialReportFiled" -> specialReport = true;
                case "ComplaintClosed" -> closedAt = at;
                case "SlaClockStarted" -> {
                    String clock = p.text("clock");
                    if (clock != null) {
                        Instant startedAt = firstNonNull(p.instant("startedAt"), at);
                        Deadline known = deadlines.get(clock);
                        if (known != null && known.running()
                                && (known.startedAt() == null || known.startedAt().equals(startedAt))) {
                            // the same clock with a moved deadline (resumed, reclassified): what happened to it stays
                            deadlines.put(clock, new Deadline(clock, startedAt, firstNonNull(p.instant("dueAt"), known.dueAt()),
                                    null, known.warnedAt(), known.breachedAt(), known.escalationLevel(), known.state()));
                        } else {
                            // a new clock, or the clock started again (e.g. RESOLUTION after a reopen)
                            deadlines.put(clock, new Deadline(clock, startedAt, p.instant("dueAt"), null, null, null, null, "RUNNING"));
                        }
                    }
                }
                case "SlaClockPaused" -> updateClock(p.text("clock"), d -> d.stoppedAt() != null ? d
                        : new Deadline(d.clock(), d.startedAt(), d.dueAt(), null, d.warnedAt(), d.breachedAt(), d.escalationLevel(), "PAUSED"));
                case "SlaClockResumed" -> updateClock(p.text("clock"), d -> d.stoppedAt() != null ? d
                        : new Deadline(d.clock(), d.startedAt(), firstNonNull(p.instant("dueAt"), d.dueAt()), null, d.warnedAt(),
                        d.breachedAt(), d.escalationLevel(), d.breachedAt() != null ? "BREACHED" : "RUNNING"));
                case "SlaClockStopped" -> updateClock(p.text("clock"), d -> {
                    boolean breached = p.flag("breached") || d.breachedAt() != null;
                    return new Deadline(d.clock(), firstNonNull(d.startedAt(), p.instant("startedAt")),
                            firstNonNull(d.dueAt(), p.instant("dueAt")), firstNonNull(p.instant("stoppedAt"), at),
                            d.warnedAt(), d.breachedAt(), d.escalationLevel(), breached ? "BREACHED_STOPPED" : "STOPPED");
                });
                case "SlaWarning" -> updateClock(p.text("clock"), d -> new Deadline(d.clock(), d.startedAt(),
                        firstNonNull(p.instant("dueAt"), d.dueAt()), d.stoppedAt(), at, d.breachedAt(), d.escalationLevel(), d.state()));
                case "SlaBreached" -> {
                    incidents.add(new SlaIncident("BREACH", p.text("clock"), p.text("level"), at));
                    updateClock(p.text("clock"), d -> new Deadline(d.clock(), d.startedAt(), firstNonNull(p.instant("dueAt"), d.dueAt()),
                            d.stoppedAt(), d.warnedAt(), firstNonNull(d.breachedAt(), at),
                            firstNonNull(p.text("level"), d.escalationLevel()), d.stoppedAt() == null ? "BREACHED" : "BREACHED_STOPPED"));
                }
                case "SlaEscalated" -> {
                    incidents.add(new SlaIncident("ESCALATION", p.text("clock"), p.text("level"), at));
                    updateClock(p.text("clock"), d -> new Deadline(d.clock(), d.startedAt(), d.dueAt(), d.stoppedAt(),
                            d.warnedAt(), d.breachedAt(), firstNonNull(p.text("level"), d.escalationLevel()), d.state()));
                }
                default -> {
                    // unknown or purely informative events: kept in the timeline, nothing derived
                }
            }
        }

        /** SPEC §5 timeliness: resolved by the resolution deadline, with no breach of it before. */
        private Boolean onTime(Instant resolved) {
            for (String clock : settings.resolutionClocks()) {
                Deadline d = deadlines.get(clock);
                if (d == null) {
                    continue;
                }
                if (d.breachedAt() != null && !d.breachedAt().isAfter(resolved)) {
                    return false;
                }
                if (d.dueAt() != null && resolved != null && resolved.isAfter(d.dueAt())) {
                    return false;
                }
            }
            return true;
        }

        private void updateClock(String clock, java.util.function.UnaryOperator<Deadline> change) {
            if (clock == null) {
                return;
            }
            Deadline d = deadlines.getOrDefault(clock, new Deadline(clock, null, null, null, null, null, null, "RUNNING"));
            deadlines.put(clock, change.apply(d));
        }

        LedgerEntry entry(String number, List<TimelineItem> timeline) {
            Set<String> allFlags = new TreeSet<>(flags);
            if (outOfHours) {
                allFlags.add("OUT_OF_HOURS");
            }
            boolean confidential = dispatchedConfidential
                    || (category != null && settings.confidentialCategories().contains(category))
                    || (department != null && settings.confidentialDepartments().contains(department))
                    || (complainantType != null && settings.confidentialComplainantTypes().contains(complainantType));
            return new LedgerEntry(number, status == null ? "UNKNOWN" : status, acceptance, category, severity, liability,
                    List.copyOf(allFlags), department, handler, queued, supervisor, dispatches, dispatchKind, transfers, channel, complainantType, complainant, subject,
                    content, confidential, receivedAt, acceptedAt, decidedAt, dispatchedAt, firstResolvedAt, resolvedAt,
                    closedAt, updatedAt, Map.copyOf(deadlines), nextDue(), resolvedOnTime, urges, appeals, reopens,
                    evidence, List.copyOf(revisits), List.copyOf(incidents), cause, responsibleParty, List.copyOf(solutions),
                    List.copyOf(preventive), collectiveCaseId, List.copyOf(collectiveOpened), specialReport, List.copyOf(timeline));
        }

        /** The earliest running deadline that still matters in the current status (SPEC §3.17 overdue check). */
        private Instant nextDue() {
            if (status == null || NO_RUNNING_CLOCKS.contains(status)) {
                return null;
            }
            boolean resolved = "RESOLVED".equals(status);
            Instant min = null;
            for (Deadline d : deadlines.values()) {
                if (!d.running() || d.dueAt() == null || "PAUSED".equals(d.state())) {
                    continue;
                }
                boolean post = settings.postResolutionClocks().contains(d.clock());
                if (post != resolved) {
                    continue;
                }
                if (min == null || d.dueAt().isBefore(min)) {
                    min = d.dueAt();
                }
            }
            return min;
        }
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
