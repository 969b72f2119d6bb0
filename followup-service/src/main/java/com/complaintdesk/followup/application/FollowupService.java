package com.complaintdesk.followup.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintRejected;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTransferred;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.followup.adapters.mongo.FollowupDocument;
import com.complaintdesk.followup.adapters.mongo.FollowupStore;
import com.complaintdesk.followup.adapters.mongo.VerificationLockoutStore;
import com.complaintdesk.followup.domain.ContactDigest;
import com.complaintdesk.followup.domain.FollowupCase;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.IllegalTransition;
import com.complaintdesk.followup.domain.InvalidCommand;
import com.complaintdesk.followup.domain.RevisitAnswer;
import com.complaintdesk.followup.domain.RevisitPolicy;
import com.complaintdesk.followup.domain.SpecialReport;
import com.complaintdesk.followup.domain.VerificationLockout;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The use cases of follow-up: learn from the other services' events, record revisits, file special reports. */
@Service
public class FollowupService {

    /** The other services' events follow-up acts on ({@link #apply}); its listener skips the rest unread. */
    public static final Set<Class<? extends ComplaintEvent>> HANDLED = Set.of(ComplaintReceived.class,
            ComplaintTriaged.class, ComplaintReclassified.class, ComplaintRejected.class, ComplaintTransferred.class,
            ComplaintDispatched.class, ComplaintResolved.class, SeverityUpgradeRequested.class);

    private static final int MAX_RETRIES = 5;

    private final FollowupStore store;
    /** the stored policy, kept briefly (issue 7): most complaints read no policy from the store */
    private final PolicyCache policies;
    private final ContactDigest digest;
    private final BusinessCalendar calendar;
    private final EventFactory events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final VerificationLockoutStore lockouts;
    private final VerificationLockout.Limit guessLimit;
    private final FollowupProperties.Access access;
    private final FollowupProperties.Hold hold;

    public FollowupService(FollowupStore store, PolicyCache policies, ContactDigest digest, BusinessCalendar calendar,
                           EventFactory events, Clock clock, MeterRegistry meters, VerificationLockoutStore lockouts,
                           FollowupProperties properties) {
        this.meters = meters;
        this.lockouts = lockouts;
        this.guessLimit = properties.verification().limit();
        this.access = properties.access();
        this.hold = properties.hold();
        this.store = store;
        this.policies = policies;
        this.digest = digest;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies one event of another service, once: the processed id is saved with the change and the events it
     * causes, whose ids derive from the input's, so a redelivery changes nothing and re-emits nothing new.
     * A concurrent write makes the save fail; the listener's error handler then redelivers.
     * <p>
     * The events of a complaint come to one listener in order, so the case is usually the one this instance wrote
     * last: the event is then applied to that remembered case without reading it (issue 7), in a write conditioned on
     * its version. If the stored case moved on meanwhile (another instance, a staff action elsewhere), the write
     * matches nothing and the event is applied to the stored case, as before. Only "already processed" is decided on
     * the remembered case, since an id it holds was stored.
     */
    public void apply(EventEnvelope<ComplaintEvent> in) {
        if (!relevant(in.payload())) {
            return;
        }
        var remembered = store.remembered(in.complaintId());
        if (remembered.isPresent()) {
            FollowupDocument doc = remembered.get();
            if (doc.alreadyProcessed(in.eventId())) {
                return; // a remembered id was stored: the event was applied
            }
            FollowupCase c = store.toDomain(doc);
            List<ComplaintEvent> caused = react(c, in);
            doc.markProcessed(in.eventId());
            if (store.saveRemembered(c, doc, causedBy(in, caused), clock.instant())) {
                count(caused);
                return;
            }
            // the remembered case was behind the stored one (forgotten now): applied to the stored one below
        }
        FollowupDocument doc = store.find(in.complaintId()).orElseGet(FollowupDocument::new);
        if (doc.alreadyProcessed(in.eventId())) {
            return;
        }
        FollowupCase c = doc.getVersion() == null ? FollowupCase.open(in.complaintId()) : store.toDomain(doc);
        List<ComplaintEvent> caused = react(c, in);
        doc.markProcessed(in.eventId());
        List<EventEnvelope<?>> out = causedBy(in, caused);
        try {
            store.save(c, doc, out, clock.instant());
            count(caused);
        } catch (DuplicateKeyException raced) {
            // another instance created the case first: retry through the error handler
            throw new OptimisticLockingFailureException("case created concurrently: " + in.complaintId(), raced);
        }
    }

    /** The envelopes of the events an input caused, with ids derived from the input's. */
    private List<EventEnvelope<?>> causedBy(EventEnvelope<ComplaintEvent> in, List<ComplaintEvent> caused) {
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (int i = 0; i < caused.size(); i++) {
            out.add(events.causedBy(in, caused.get(i), i));
        }
        return out;
    }

    private List<ComplaintEvent> react(FollowupCase c, EventEnvelope<ComplaintEvent> in) {
        ComplaintEvent e = in.payload();
        if (e instanceof ComplaintReceived r) {
            var who = r.complainant();
            if (who != null) {
                confidentialIf(c, who.type() != null && access.confidentialComplainantTypes().contains(who.type()));
                return c.registered(who.type(), digest.ofPhone(in.complaintId(), who.phone()),
                        digest.ofEmail(in.complaintId(), who.email()), policies.policy());
            }
        } else if (e instanceof ComplaintTriaged t) {
            c.classified(t.severity(), t.flags());
            confidentialIf(c, t.category() != null && access.confidentialCategories().contains(t.category()));
        } else if (e instanceof ComplaintReclassified t) {
            c.classified(t.severity(), t.flags());
            confidentialIf(c, t.category() != null && access.confidentialCategories().contains(t.category()));
        } else if (e instanceof ComplaintRejected r) {
            return c.endedWithoutHandling("rejected: " + r.reason(), in.occurredAt());
        } else if (e instanceof ComplaintTransferred t) {
            return c.endedWithoutHandling("transferred to " + t.transferredTo() + ": " + t.reason(), in.occurredAt());
        } else if (e instanceof SeverityUpgradeRequested u) {
            // SPEC §3.5: a liable complaint unresolved after a month becomes MAJOR, and so needs a special report
            c.classified(u.to(), null);
        } else if (e instanceof ComplaintDispatched d) {
            c.dispatched(d.department(), d.handler(), d.severity());
            confidentialIf(c, d.confidential() || access.confidentialDepartments().contains(String.valueOf(d.department())));
        } else if (e instanceof ComplaintResolved r) {
            confidentialIf(c, access.confidentialDepartments().contains(String.valueOf(r.department())));
            return c.resolved(in.occurredAt(), r.department(), r.handler(), policies.policy(), calendar);
        }
        return List.of();
    }

    private static void confidentialIf(FollowupCase c, boolean hrOnly) {
        if (hrOnly) {
            c.markConfidential();
        }
    }

    private static boolean relevant(ComplaintEvent e) {
        return HANDLED.contains(e.getClass());
    }

    // ---- staff ----

    public FollowupView view(String complaintId, Audience audience) {
        FollowupDocument d = loadVisible(complaintId, audience);
        return FollowupView.of(store.toDomain(d), policies.policy(), clock.instant());
    }

    public List<FollowupView> revisits(List<FollowupStatus> statuses, String assignee, Audience audience,
                                       Instant dueFrom, Instant dueBefore, int limit) {
        RevisitPolicy policy = policies.policy();
        Instant now = clock.instant();
        if (!audience.seesAny()) {
            return List.of();
        }
        return store.revisits(statuses, assignee, audience.scope(), dueFrom, dueBefore, limit).stream()
                .map(d -> FollowupView.of(store.toDomain(d), policy, now)).toList();
    }

    /** Records a revisit contact; only the role the policy's route names (or ADMIN) may record it. */
    public FollowupView recordRevisit(String complaintId, RevisitAnswer answer, java.util.function.Predicate<String> hasRole,
                                      Audience audience, String correlationId) {
        loadVisible(complaintId, audience);
        return change(complaintId, correlationId, (c, policy) -> {
            if (c.revisit() != null && !hasRole.test(c.revisit().role())) {
                throw ApiException.forbidden("This revisit (" + c.revisit().method() + ", " + c.revisit().assignee()
                        + ") is recorded by the role " + c.revisit().role() + ".");
            }
            return c.recordRevisit(answer, policy, clock.instant());
        });
    }

    /**
     * SPEC §3.14: the service supervisor (or, for a route listed in {@code followup.hold.route-roles-that-close}, its
     * own role: HR's manager for employees) closes a revisit held unreachable, with the reason of the decision.
     */
    public FollowupView closeUnreachable(String complaintId, String reason, String by,
                                         java.util.function.Predicate<String> hasRole, Audience audience,
                                         String correlationId) {
        loadVisible(complaintId, audience);
        return change(complaintId, correlationId, (c, policy) -> {
            String routeRole = c.revisit() == null ? null : c.revisit().role();
            if (!hold.mayClose(hasRole, routeRole)) {
                throw ApiException.forbidden("A revisit held unreachable is closed by the role "
                        + String.join(" or ", hold.closedBy()) + ".");
            }
            return c.closeUnreachableByDecision(reason, by, policy, clock.instant());
        });
    }

    /** SPEC §3.16: file the special report of a major or vicious complaint. */
    public FollowupView fileSpecialReport(String complaintId, String cause, String handling, String corrective,
                                          String preventive, String by, Audience audience, String correlationId) {
        var problems = SpecialReport.problems(cause, handling, corrective, preventive);
        if (!problems.isEmpty()) {
            throw invalid(new InvalidCommand(problems));
        }
        // a department manager files the report of their own department's complaints only (SPEC §7)
        loadVisible(complaintId, audience);
        String reportId = "SR-" + complaintId + "-" + UUID.randomUUID().toString().substring(0, 8);
        return change(complaintId, correlationId, (c, policy) -> c.fileSpecialReport(
                new SpecialReport(reportId, cause.strip(), handling.strip(), corrective.strip(),
                        preventive == null ? null : preventive.strip(), by, clock.instant()), policy));
    }

    public SpecialReport specialReport(String complaintId, Audience audience) {
        SpecialReport r = store.toDomain(loadVisible(complaintId, audience)).specialReport();
        if (r == null) {
            throw ApiException.notFound("Special report", "for complaint " + complaintId);
        }
        return r;
    }

    // ---- complainant ----

    /**
     * SPEC §3.19: the complainant answers the revisit with the second factor, once. Wrong second factors are
     * counted per complaint number (known or not, so the lock tells nothing about existence); too many lock it.
     */
    public FollowupView answerByComplainant(String complaintId, String verify, RevisitAnswer answer, String correlationId) {
        Instant now = clock.instant();
        // counted before it is checked: a burst of parallel guesses cannot all get past the lock together
        VerificationLockout before = lockouts.countGuess(complaintId, now, guessLimit);
        if (before.lockedAt(now)) {
            throw new SecondFactorLocked(complaintId, before.lockedUntil());
        }
        FollowupDocument d = store.find(complaintId).orElse(null);
        if (d == null || !digest.matches(complaintId, verify, d.phoneDigest, d.emailDigest)) {
            meters.counter("followup.verification.failures").increment();
            if (before.afterFailure(now, guessLimit).lockedAt(now)) {
                meters.counter("followup.verification.lockouts").increment();
            }
            // the same answer as for an unknown number: a wrong guess learns nothing
            throw ApiException.notFound("Complaint", complaintId + " with this verification");
        }
        lockouts.clear(complaintId);
        return change(complaintId, correlationId, (c, policy) -> c.answerByComplainant(answer, policy, clock.instant()));
    }

    // ---- plumbing ----

    private interface Action {
        List<ComplaintEvent> apply(FollowupCase c, RevisitPolicy policy);
    }

    private FollowupView change(String complaintId, String correlationId, Action action) {
        for (int attempt = 0; ; attempt++) {
            FollowupDocument doc = load(complaintId);
            FollowupCase c = store.toDomain(doc);
            RevisitPolicy policy = policies.policy();
            List<ComplaintEvent> caused;
            try {
                caused = action.apply(c, policy);
            } catch (IllegalTransition e) {
                throw ApiException.illegalState(e.getMessage(), e.current());
            } catch (InvalidCommand e) {
                throw invalid(e);
            }
            List<EventEnvelope<?>> out = caused.stream().<EventEnvelope<?>>map(e -> events.envelope(complaintId, e, correlationId)).toList();
            try {
                store.save(c, doc, out, clock.instant());
                count(caused);
                return FollowupView.of(c, policy, clock.instant());
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= MAX_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** followup.events{type}: revisits scheduled and done, reopens, special reports, closings. */
    private void count(List<ComplaintEvent> caused) {
        for (ComplaintEvent e : caused) {
            meters.counter("followup.events", "type", e.getClass().getSimpleName()).increment();
        }
    }

    private FollowupDocument loadVisible(String complaintId, Audience audience) {
        FollowupDocument d = load(complaintId);
        if (!audience.sees(d.department, d.confidential)) {
            // another department's, or HR's: not even its existence is shown
            throw ApiException.notFound("Complaint", complaintId);
        }
        return d;
    }

    private FollowupDocument load(String complaintId) {
        return store.find(complaintId).orElseThrow(() -> ApiException.notFound("Complaint", complaintId));
    }

    private static ApiException invalid(InvalidCommand e) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields.",
                Map.of("errors",
                        e.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList()));
    }

}
