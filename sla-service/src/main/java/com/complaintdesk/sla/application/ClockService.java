package com.complaintdesk.sla.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.DispatchEvents;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents;
import com.complaintdesk.contracts.events.IntakeEvents;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.events.TriageEvents;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.domain.ComplaintSla;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Use cases of the clocks: a life-cycle event moves them ({@link #on}), a claimed timer fires them ({@link #fire}).
 * Each is one single-document write of the new state, the next timer and the outgoing events (outbox), retried on
 * a concurrent change.
 */
@Service
public class ClockService {

    /** The events that move a clock; others are not stored. */
    private static final Set<Class<? extends ComplaintEvent>> RELEVANT = Set.of(IntakeEvents.ComplaintReceived.class,
            IntakeEvents.EvidenceAdded.class, TriageEvents.AwaitingDocuments.class, TriageEvents.ComplaintAccepted.class, TriageEvents.ComplaintRejected.class,
            TriageEvents.ComplaintTransferred.class, TriageEvents.ComplaintTriaged.class, TriageEvents.ComplaintReclassified.class,
            DispatchEvents.ComplaintDispatched.class, DispatchEvents.SupervisorAssigned.class, DispatchEvents.StaffNotified.class,
            DispatchEvents.SolutionProposed.class, DispatchEvents.SolutionRejected.class, DispatchEvents.OnSiteArrived.class,
            DispatchEvents.DisagreementRecorded.class, DispatchEvents.DepartmentTransferred.class,
            DispatchEvents.ComplaintResolved.class, FollowupEvents.RevisitDone.class, FollowupEvents.ComplaintReopened.class,
            FollowupEvents.ComplaintClosed.class);
    private static final int ATTEMPTS = 8;

    private final SlaStore store;
    private final PolicyService policies;
    private final CalendarService calendar;
    private final EventFactory events;
    private final EventCodec codec;
    private final Clock clock;
    private final Counter fired;
    private final Timer fireDelay;

    public ClockService(SlaStore store, PolicyService policies, CalendarService calendar, EventFactory events,
                        EventCodec codec, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.policies = policies;
        this.calendar = calendar;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
        this.fired = Counter.builder("sla.timers.fired").description("timers fired").register(meters);
        this.fireDelay = Timer.builder("sla.timers.delay").description("due time to firing")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
    }

    public static boolean relevant(ComplaintEvent payload) {
        return RELEVANT.contains(payload.getClass());
    }

    /** The event types that move a clock (a listener skips the others on their type, before decoding). */
    public static Set<Class<? extends ComplaintEvent>> relevantTypes() {
        return RELEVANT;
    }

    /** Applies one life-cycle event; a redelivered event changes nothing twice. */
    public void on(EventEnvelope<ComplaintEvent> env) {
        onAll(List.of(env));
    }

    /**
     * Applies several life-cycle events of one complaint, in order, in one read-modify-write of its document (one
     * poll's events of that complaint): the same state, outgoing events and processed ids as applying them one at a
     * time, in one write. The events already applied (a redelivery, or the same event twice in the list) change
     * nothing; when none is left, nothing is written.
     */
    public void onAll(List<EventEnvelope<ComplaintEvent>> envs) {
        List<EventEnvelope<ComplaintEvent>> moving = envs.stream().filter(e -> relevant(e.payload())).toList();
        if (moving.isEmpty()) {
            return;
        }
        String complaintId = moving.get(0).complaintId();
        if (moving.stream().anyMatch(e -> !complaintId.equals(e.complaintId()))) {
            throw new IllegalArgumentException("events of more than one complaint: " + complaintId + " and others");
        }
        // a complaint's first event is its registration, and its document does not exist yet: inserted without a
        // look-up first; when it does exist (a redelivery, or later events came first), the insert fails on its _id
        // and the next attempt reads it. A later event starts from the document as this instance saved it last, if it
        // remembers it: the save is conditioned on its version, so a document changed meanwhile fails it and the
        // next attempt reads the stored one
        boolean presumeNew = moving.get(0).payload() instanceof IntakeEvents.ComplaintReceived;
        boolean storedOnly = false;
        for (int attempt = 1; ; attempt++) {
            SlaDocument doc = attempt == 1 && presumeNew ? fresh(complaintId)
                    : (storedOnly ? store.find(complaintId) : store.findForUpdate(complaintId)).orElseGet(() -> fresh(complaintId));
            boolean changed = false;
            for (EventEnvelope<ComplaintEvent> env : moving) {
                if (doc.alreadyProcessed(env.eventId())) {
                    continue;
                }
                List<ComplaintEvent> out = doc.sla.apply(env.payload(), env.occurredAt(), policies.current(), calendar.current());
                for (int i = 0; i < out.size(); i++) {
                    doc.enqueue(Topics.SLA, events.causedBy(env, out.get(i), i), codec);
                }
                doc.markProcessed(env.eventId());
                if (env.correlationId() != null) {
                    doc.correlationId = env.correlationId();
                }
                changed = true;
            }
            if (!changed) {
                if (doc.remembered()) {
                    storedOnly = true; // "all applied already" is decided on the stored document, not on a copy
                    continue;
                }
                return;
            }
            doc.derive(clock.instant());
            try {
                store.save(doc);
                return;
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                if (attempt >= ATTEMPTS) {
                    throw e; // the listener's error handler retries, then dead-letters
                }
            }
        }
    }

    private static SlaDocument fresh(String complaintId) {
        SlaDocument d = new SlaDocument();
        d.id = complaintId;
        d.sla = new ComplaintSla(complaintId);
        return d;
    }

    /**
     * Fires the due warnings, breaches and escalations of a timer this instance claimed. Returns false when the
     * lease was lost (another instance took the timer over), in which case nothing is written.
     */
    public boolean fire(String complaintId, String owner) {
        for (int attempt = 1; ; attempt++) {
            Optional<SlaDocument> found = store.find(complaintId);
            if (found.isEmpty() || !owner.equals(found.get().leaseOwner)) {
                return false;
            }
            SlaDocument doc = found.get();
            Instant now = clock.instant();
            Instant due = doc.wakeAt;
            List<ComplaintEvent> out = doc.sla.fire(now, calendar.current());
            for (ComplaintEvent e : out) {
                doc.enqueue(Topics.SLA, events.envelope(complaintId, e, doc.correlationId), codec);
            }
            doc.leaseOwner = null;
            doc.leaseUntil = null;
            doc.leaseToken = null;
            doc.derive(now);
            try {
                store.save(doc);
                fired.increment();
                if (due != null) {
                    fireDelay.record(Duration.between(due, now).isNegative() ? Duration.ZERO : Duration.between(due, now));
                }
                return true;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    return false; // the lease runs out and the timer is claimed again
                }
            }
        }
    }

    public Optional<ComplaintSla> clocksOf(String complaintId) {
        return store.find(complaintId).map(d -> d.sla);
    }

    public List<SlaDocument> overdue(int limit) {
        return store.overdue(limit);
    }
}
