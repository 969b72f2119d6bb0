package com.complaintdesk.sla.application;

import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.MonthlyReportOverdue;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.sla.adapters.mongo.MonthlyDeadlineDocument;
import com.complaintdesk.sla.domain.ComplaintFacts;
import com.complaintdesk.sla.domain.EscalationStep;
import com.complaintdesk.sla.domain.SlaPolicy;
import com.complaintdesk.sla.domain.TargetKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SPEC §3.18 / §4 "monthly report: month end → 5th of next month, 24:00 → HQ". reporting-service publishes
 * MonthlyReportPublished (keyed by the period); if it has not come by the deadline of the policy MONTHLY_REPORT,
 * one MonthlyReportOverdue goes to HQ (whichever instance gets there first; a versioned write makes it one).
 */
@Service
public class MonthlyReportWatch {

    private final MongoTemplate mongo;
    private final PolicyService policies;
    private final CalendarService calendar;
    private final EventFactory events;
    private final EventCodec codec;
    private final Clock clock;
    private final AtomicReference<YearMonth> ensured = new AtomicReference<>();
    /**
     * What the last read of the watched period's document showed, so the scheduler's pass (every poll interval) reads
     * it only when something can be due: not before its {@code dueAt} (set once, never changed), and not again once
     * the report was published or flagged (both are set once and never cleared).
     */
    private volatile Seen seen;

    /** The watched period's {@code dueAt} as read, and whether its deadline is settled (published or flagged). */
    private record Seen(YearMonth period, Instant dueAt, boolean settled) {

        boolean nothingDue(YearMonth month, Instant now) {
            return period.equals(month) && (settled || (dueAt != null && dueAt.isAfter(now)));
        }
    }

    public MonthlyReportWatch(MongoTemplate mongo, PolicyService policies, CalendarService calendar, EventFactory events,
                              EventCodec codec, Clock clock) {
        this.mongo = mongo;
        this.policies = policies;
        this.calendar = calendar;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    /** One pass of the scheduler: make sure last month's deadline exists, and flag it when it passed unmet. */
    public Optional<MonthlyDeadlineDocument> tick() {
        BusinessCalendar cal = calendar.current();
        Instant now = clock.instant();
        YearMonth previous = YearMonth.from(now.atZone(cal.zone())).minusMonths(1);
        if (!previous.equals(ensured.get())) {
            ensure(previous, cal);
            ensured.set(previous);
        }
        Seen last = seen;
        if (last != null && last.nothingDue(previous, now)) {
            return Optional.empty();
        }
        MonthlyDeadlineDocument doc = mongo.findById(previous.toString(), MonthlyDeadlineDocument.class);
        if (doc != null) {
            seen = new Seen(previous, doc.dueAt, doc.publishedAt != null || doc.overdueAt != null);
        }
        if (doc == null || doc.publishedAt != null || doc.overdueAt != null || doc.dueAt == null || doc.dueAt.isAfter(now)) {
            return Optional.empty();
        }
        SlaPolicy policy = policy();
        EscalationStep step = policy.ladder().get(0);
        doc.overdueAt = now;
        doc.enqueue(Topics.SLA, events.envelope("monthly-" + doc.id,
                new MonthlyReportOverdue(doc.id, doc.dueAt, step.level(), step.notifyRole()), "monthly-" + doc.id), codec);
        try {
            mongo.save(doc);
            seen = new Seen(previous, doc.dueAt, true);
            return Optional.of(doc);
        } catch (OptimisticLockingFailureException e) {
            return Optional.empty(); // another instance flagged it, or the report came in meanwhile
        }
    }

    private SlaPolicy policy() {
        return policies.current().find(SlaClocks.MONTHLY_REPORT, ComplaintFacts.unknown()).orElseGet(() ->
                new SlaPolicy("monthly-report-builtin", SlaClocks.MONTHLY_REPORT, null, null, null, TargetKind.CALENDAR_TIME,
                        Duration.ofDays(5), 0, null, false, false,
                        java.util.List.of(new EscalationStep(EscalationLevel.HQ, Duration.ZERO)), "fallback"));
    }

    /** The deadline of {@code month}'s report, counted from the month end (the 1st of the next month, 00:00). */
    Instant dueAt(YearMonth month, BusinessCalendar cal) {
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(cal.zone()).toInstant();
        SlaPolicy p = policy();
        return switch (p.kind()) {
            case CALENDAR_TIME -> monthEnd.plus(p.target());
            case BUSINESS_TIME -> cal.plusBusinessTime(monthEnd, p.target());
            case SAME_BUSINESS_DAY -> cal.endOfBusinessDay(monthEnd);
            case WORKING_DAYS -> cal.endOfWorkingDaysAfter(monthEnd, p.workingDays());
        };
    }

    private void ensure(YearMonth month, BusinessCalendar cal) {
        Query q = new Query(Criteria.where("_id").is(month.toString()));
        mongo.upsert(q, new Update().setOnInsert("dueAt", dueAt(month, cal)).setOnInsert("version", 0L), MonthlyDeadlineDocument.class);
        // a report published before the deadline document existed
        mongo.updateFirst(new Query(Criteria.where("_id").is(month.toString()).and("dueAt").is(null)),
                new Update().set("dueAt", dueAt(month, cal)), MonthlyDeadlineDocument.class);
    }

    /** reporting-service published the report of {@code period}: the deadline is met (or met late). */
    public void onPublished(String period, Instant at) {
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (RuntimeException e) {
            return; // not a period we watch
        }
        try {
            mongo.findAndModify(new Query(Criteria.where("_id").is(month.toString()).and("publishedAt").is(null)),
                    new Update().set("publishedAt", at).inc("version", 1L),
                    FindAndModifyOptions.options().upsert(true), MonthlyDeadlineDocument.class);
        } catch (DuplicateKeyException e) {
            // already published: a redelivery
        }
    }

    public Optional<MonthlyDeadlineDocument> find(String period) {
        return Optional.ofNullable(mongo.findById(period, MonthlyDeadlineDocument.class));
    }
}
