package com.complaintdesk.dispatch.application;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintClosed;
import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.dispatch.adapters.mongo.CaseDocument;
import com.complaintdesk.dispatch.adapters.mongo.CaseStore;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.application.OrganisationDirectory.Organisation;
import com.complaintdesk.dispatch.domain.handling.CaseAccess;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Work;
import com.complaintdesk.dispatch.domain.handling.DispatchDecision;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.handling.IllegalTransition;
import com.complaintdesk.dispatch.domain.handling.Investigation;
import com.complaintdesk.dispatch.domain.handling.Resolution;
import com.complaintdesk.dispatch.domain.handling.SecondFactor;
import com.complaintdesk.dispatch.domain.handling.Solution;
import com.complaintdesk.dispatch.domain.organisation.ConflictOfInterest;
import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.domain.organisation.RoutingTable;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The use cases of dispatch: assigning complaints as they are triaged, the department's handling workflow, the
 * complainant's answer to a solution, and reacting to reopen, reclassification, escalation and closing.
 */
@Service
public class HandlingService {

    /** the largest page of the case list */
    static final int MAX_PAGE_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(HandlingService.class);

    private final CaseStore cases;
    private final OrganisationStore organisation;
    private final Assigner assigner;
    private final OrganisationDirectory directory;
    private final EventFactory events;
    private final CaseVisibility visibility;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public HandlingService(CaseStore cases, OrganisationStore organisation, Assigner assigner, OrganisationDirectory directory,
                           EventFactory events, CaseVisibility visibility, Clock clock) {
        this.cases = cases;
        this.organisation = organisation;
        this.assigner = assigner;
        this.directory = directory;
        this.events = events;
        this.visibility = visibility;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- consumed events

    /** Keeps what dispatch needs of the registration: the text (conflict of interest) and the hashed second factor. */
    public void onReceived(EventEnvelope<ComplaintEvent> env, ComplaintReceived r) {
        consume(env, true, (doc, remembered) -> received(doc, r));
    }

    private Applied received(CaseDocument doc, ComplaintReceived r) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        var complainant = r.complainant();
        HandlingCase c = doc.handling;
        c.recordReceived(complainant == null ? null : complainant.type(), r.content(), r.subject(),
                SecondFactor.of(Base64.getEncoder().encodeToString(salt), complainant == null ? null : complainant.phone(),
                        complainant == null ? null : complainant.email()), clock.instant());
        List<ComplaintEvent> caused = new ArrayList<>();
        String previous = c.handler();
        String claimed = null;
        // triage came first and the text names the handler: the person complained about never handles it (SPEC §3.8)
        if (c.status() != null && c.status().isOpen() && previous != null && organisation.handler(previous)
                .map(h -> ConflictOfInterest.mentions(r.content(), h)).orElse(false)) {
            Optional<Handler> other = assigner.claim(doc.number, c.department(), null, r.content(), Set.of(previous), null, clock.instant());
            if (other.isPresent()) {
                claimed = other.get().id();
                caused.addAll(c.reassign(claimed, "conflict of interest: the complaint names the assigned handler",
                        "dispatch", clock.instant()));
            }
        }
        return new Applied(caused, previous, true, claimed);
    }

    /** SPEC §3.8: route to the responsible department and assign exactly one handler, or queue and tell the manager. */
    public void onTriaged(EventEnvelope<ComplaintEvent> env, ComplaintTriaged t) {
        consume(env, true, (doc, remembered) -> triaged(doc, t));
    }

    private Applied triaged(CaseDocument doc, ComplaintTriaged t) {
        HandlingCase c = doc.handling;
        Organisation org = directory.current();
        if (c.isDispatched()) {
            // a second classification of a dispatched complaint acts as a reclassification
            var changed = c.reclassify(t.category(), t.severity(), t.liability(), t.flags(), org.managerOf(c.department()),
                    org.prManager(), "triaged again", clock.instant());
            return new Applied(changed, c.handler(), c.status().isOpen(), null);
        }
        Instant now = clock.instant();
        Routed routed = route(org, t.category(), c.complainantType(), t.severity());
        Department dept = routed.department();
        RoutingTable.Route route = routed.route();
        // a handler of the department who holds it already (a redelivery after a crash) keeps it
        Optional<Handler> chosen = assigner.keepOrClaim(doc.number, dept.code(), route.skill(), c.content(), Set.of(), null, now);
        var decision = new DispatchDecision(dept.code(), chosen.map(Handler::id).orElse(null), dept.manager(), org.prManager(),
                t.category(), t.severity(), t.liability(), t.flags(), routed.confidential(), route.because(),
                org.serviceSupervisor());
        List<ComplaintEvent> caused = c.dispatch(decision, now);
        return new Applied(caused, null, false, chosen.map(Handler::id).orElse(null));
    }

    /**
     * A corrected classification. A new category that routes elsewhere moves a complaint nobody has started on yet
     * (DISPATCHED or QUEUED) to its responsible department; work already started stays where it is.
     */
    public void onReclassified(EventEnvelope<ComplaintEvent> env, ComplaintReclassified r) {
        consume(env, false, (doc, remembered) -> reclassified(doc, r));
    }

    private Applied reclassified(CaseDocument doc, ComplaintReclassified r) {
        HandlingCase c = doc.handling;
        String previous = c.handler();
        boolean wasOpen = c.status() != null && c.status().isOpen();
        Instant now = clock.instant();
        Organisation org = directory.current();
        List<ComplaintEvent> caused = new ArrayList<>(c.reclassify(r.category(), r.severity(), r.liability(), r.flags(),
                org.managerOf(c.department()), org.prManager(), r.reason(), now));
        String claimed = null;
        if (r.category() != null && (c.status() == HandlingStatus.DISPATCHED || c.status() == HandlingStatus.QUEUED)) {
            Routed routed = route(org, r.category(), c.complainantType(), c.severity());
            if (!routed.department().code().equals(c.department())) {
                claimed = assigner.claim(doc.number, routed.department().code(), routed.route().skill(), c.content(),
                        Set.of(), null, now).map(Handler::id).orElse(null);
                caused.addAll(c.transfer(routed.department().code(), claimed, routed.department().manager(),
                        routed.confidential(), "reclassified as " + r.category() + ": " + r.reason(), "triage", now));
            }
        }
        return new Applied(caused, previous, wasOpen, claimed);
    }

    private record Routed(Department department, RoutingTable.Route route) {
        boolean confidential() {
            return route.confidential() || department.confidential();
        }
    }

    private static Routed route(Organisation org, String category, com.complaintdesk.contracts.model.ComplainantType type,
                                com.complaintdesk.contracts.model.Severity severity) {
        RoutingTable.Route route = org.routingTable().route(category, type, severity);
        Department dept = org.department(route.department())
                .orElseGet(() -> org.department(org.fallbackDepartment()).orElseThrow(
                        () -> new IllegalStateException("no department " + route.department() + " nor a fallback")));
        return new Routed(dept, route);
    }

    /**
     * SPEC §3.14: back to DISPATCHED in the same department, the same handler if still on duty. Followup reopens only
     * after a resolution, so the reopen is never dropped for the state it meets: from RESOLVED or CLOSED it reopens;
     * a complaint still being handled takes it in (counted, escalated, the handler told) and goes on; only a reopen
     * already taken in (by followup's number; a redelivery is caught by the event id) changes nothing.
     */
    public void onReopened(EventEnvelope<ComplaintEvent> env, ComplaintReopened r) {
        consume(env, false, (doc, remembered) -> reopened(doc, r, remembered));
    }

    private Applied reopened(CaseDocument doc, ComplaintReopened r, boolean remembered) {
        HandlingCase c = doc.handling;
        if (!c.isDispatched() || c.alreadyReopened(r.reopenCount())) {
            if (remembered) {
                return null; // a reopen is dropped on the stored case only
            }
            log.warn("reopen {} of {} ignored: {}", r.reopenCount(), doc.number,
                    c.isDispatched() ? "taken in already (last " + c.lastReopenNumber() + ")" : "never dispatched here");
            return new Applied(List.of(), c.handler(), c.status() != null && c.status().isOpen(), null);
        }
        String dept = c.department();
        Instant now = clock.instant();
        Organisation org = directory.current();
        String manager = org.managerOf(dept);
        String previous = c.handler();
        boolean wasOpen = c.status().isOpen();
        List<ComplaintEvent> caused = new ArrayList<>();
        String to = null;
        if (wasOpen) {
            caused.addAll(c.reopenWhileOpen(r.reason(), r.reopenCount(), manager, now));
        } else {
            // a handler of the department who holds it already (a redelivery after a crash) keeps it
            Optional<Handler> chosen = assigner.keepOrClaim(doc.number, dept, null, c.content(), Set.of(), c.handler(), now);
            to = chosen.map(Handler::id).orElse(null);
            caused.addAll(c.reopen(r.reason(), r.reopenCount(), to, manager, now));
        }
        if (r.escalateTo() == EscalationLevel.DEPARTMENT_MANAGER || r.escalateTo() == EscalationLevel.HQ) {
            // a repeated reopen goes up the ladder: the manager supervises it from now on
            caused.addAll(c.superviseBy(manager, "reopened " + r.reopenCount() + " times", now));
        }
        if (r.escalateTo() == EscalationLevel.HQ) {
            caused.addAll(c.recordEscalation("REOPEN", EscalationLevel.HQ, org.hq(), Roles.HQ_ANALYST, now));
        }
        return new Applied(caused, wasOpen ? previous : null, wasOpen, to);
    }

    /** An SLA escalation: recorded in the history and passed to the person of that level. */
    public void onEscalated(EventEnvelope<ComplaintEvent> env, SlaEscalated e) {
        consume(env, false, (doc, remembered) -> escalated(doc, e));
    }

    private Applied escalated(CaseDocument doc, SlaEscalated e) {
        HandlingCase c = doc.handling;
        Organisation org = directory.current();
        String recipient = switch (e.level()) {
            case HANDLER -> c.handler();
            case SERVICE_SUPERVISOR -> org.serviceSupervisor();
            case DEPARTMENT_MANAGER -> org.managerOf(c.department());
            case HQ -> org.hq();
        };
        String role = switch (e.level()) {
            case HANDLER -> Roles.HANDLER;
            case SERVICE_SUPERVISOR -> Roles.SUPERVISOR;
            case DEPARTMENT_MANAGER -> Roles.DEPARTMENT_MANAGER;
            case HQ -> Roles.HQ_ANALYST;
        };
        var caused = c.recordEscalation(e.clock(), e.level(), recipient, role, clock.instant());
        return new Applied(caused, c.handler(), c.status() != null && c.status().isOpen(), null);
    }

    public void onClosed(EventEnvelope<ComplaintEvent> env, ComplaintClosed closed) {
        consume(env, false, (doc, remembered) -> {
            HandlingCase c = doc.handling;
            boolean wasOpen = c.status() != null && c.status().isOpen();
            c.close(closed.reason(), clock.instant());
            return new Applied(List.of(), c.handler(), wasOpen, null);
        });
    }

    /**
     * Offers queued complaints to whoever is on duty now. Returns how many got a handler.
     * <p>
     * A department where nobody can take work now (all off duty, unavailable or at capacity: why complaints queue) is
     * seen from one read of its handlers per pass, and its queued complaints are not offered one by one, each reading
     * the handlers again (issue 7: up to 200 reads every {@code dispatch.queue.drain-interval} for a full department).
     * When a complaint finds nobody, the department is looked at again, so a complaint that may not go to the one free
     * handler (it names them, SPEC §3.8) does not hold back the others. A queued complaint a handler already holds (an
     * earlier drain claimed them, then crashed before its save) is always offered: the claim keeps that holder.
     */
    public int drainQueue() {
        int assigned = 0;
        Map<String, Boolean> someoneFree = new HashMap<>();
        Set<String> held = null; // the complaints handlers hold: read once, only if a department is full
        for (CaseDocument doc : cases.queued()) {
            HandlingCase c = doc.handling;
            if (!someoneFree.computeIfAbsent(c.department(), this::canAnyoneTakeWork)) {
                if (held == null) {
                    held = new HashSet<>();
                    organisation.workloads().values().forEach(held::addAll);
                }
                if (!held.contains(doc.number)) {
                    continue;
                }
            }
            Optional<Handler> chosen;
            try {
                chosen = assigner.claim(doc.number, c.department(), null, c.content(), Set.of(), null, clock.instant());
            } catch (IllegalStateException busy) {
                continue;
            }
            if (chosen.isEmpty()) {
                someoneFree.put(c.department(), canAnyoneTakeWork(c.department()));
                continue;
            }
            try {
                var caused = c.assignFromQueue(chosen.get().id(), clock.instant());
                cases.save(doc, envelopes(doc.number, caused));
                assigned++;
            } catch (OptimisticLockingFailureException | IllegalTransition raced) {
                releaseUnlessAssigned(chosen.get().id(), doc.number);
            }
        }
        return assigned;
    }

    private boolean canAnyoneTakeWork(String department) {
        Instant now = clock.instant();
        return department == null // not expected; offered as before
                || organisation.handlers(department).stream().anyMatch(h -> h.canTakeWork(now));
    }

    // ---------------------------------------------------------------- the department's workflow (HTTP)

    public HandlingCase view(String number, CallerIdentity caller) {
        requireAnyRole(caller, Work.READ);
        HandlingCase c = load(number).handling;
        checkMayAct(c, caller, Work.READ);
        return c;
    }

    public List<CaseDocument> list(String department, HandlingStatus status, String handler, int page, int size,
                                   CallerIdentity caller) {
        requireAnyRole(caller, Work.READ);
        if (page < 0) {
            throw ApiException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ComplaintAccess.Scope scope = visibility.scopeOf(caller);
        if (!scope.allowed()) {
            throw ApiException.forbidden("Your identity carries no department.");
        }
        String dept = department;
        if (scope.department() != null) {
            if (dept != null && !dept.equals(scope.department())) {
                throw ApiException.forbidden("You can list only the complaints of " + scope.department() + ".");
            }
            dept = scope.department();
        }
        return cases.list(dept, status, handler, scope, page, size).stream()
                .filter(d -> scope.permits(d.department, d.confidential))
                .toList();
    }

    public HandlingCase recordInvestigation(String number, Investigation found, CallerIdentity caller) {
        return staffCommand(number, caller, Work.HANDLING, c -> c.recordInvestigation(found, clock.instant()));
    }

    public HandlingCase proposeSolution(String number, Solution proposal, CallerIdentity caller) {
        Solution atLevel = new Solution(proposal.items(), proposal.onSiteWorkNeeded(), proposal.preventiveMeasures(),
                CaseAccess.levelOf(access(caller)), caller.actor(), clock.instant(), proposal.explanation());
        return staffCommand(number, caller, Work.HANDLING, c -> c.proposeSolution(atLevel, clock.instant()));
    }

    public HandlingCase recordOnSiteArrival(String number, Instant arrivedAt, CallerIdentity caller) {
        Instant at = arrivedAt == null ? clock.instant() : arrivedAt;
        if (at.isAfter(clock.instant().plusSeconds(60))) {
            throw ApiException.invalid("arrivedAt", "must not be in the future");
        }
        return staffCommand(number, caller, Work.HANDLING, c -> c.recordOnSiteArrival(at, caller.actor(), clock.instant()));
    }

    public HandlingCase recordOnSiteHandling(String number, String note, boolean complainantAgrees, CallerIdentity caller) {
        return staffCommand(number, caller, Work.SUPERVISION, c -> c.recordOnSiteHandling(caller.actor(), note,
                complainantAgrees, clock.instant()));
    }

    /** SPEC §3.12: the supervisor consulted the department manager after the complainant disagreed (stops the 15-minute clock). */
    public HandlingCase recordManagerConsulted(String number, String instructions, CallerIdentity caller) {
        return staffCommand(number, caller, Work.SUPERVISION, c -> c.recordManagerConsulted(caller.actor(),
                managerOf(c.department()), instructions, clock.instant()));
    }

    public HandlingCase resolve(String number, String summary, String apology, String improvements, CallerIdentity caller) {
        return staffCommand(number, caller, Work.HANDLING, c -> c.resolve(
                new Resolution(summary, apology, improvements, caller.actor(), clock.instant()), clock.instant()));
    }

    public HandlingCase recordPreventiveMeasure(String number, String measure, CallerIdentity caller) {
        return staffCommand(number, caller, Work.HANDLING, c -> c.recordPreventiveMeasure(measure, caller.actor(), clock.instant()));
    }

    /** By the department manager: to a named handler of the department, or to whoever the policy picks. */
    public HandlingCase reassign(String number, String toHandler, String reason, CallerIdentity caller) {
        return mutate(number, caller, Work.MANAGEMENT, doc -> {
            HandlingCase c = doc.handling;
            if (c.status() == null || !c.status().isOpen()) {
                throw new IllegalTransition("Cannot reassign a complaint that is " + c.status() + ".", c.status());
            }
            String claimed;
            if (toHandler != null) {
                Handler h = organisation.handler(toHandler).filter(x -> x.department().equals(c.department()))
                        .orElseThrow(() -> ApiException.invalid("toHandler", "is not a handler of " + c.department()));
                if (!h.available()) {
                    throw ApiException.invalid("toHandler", "is not available");
                }
                if (ConflictOfInterest.mentions(c.content(), h)) {
                    throw ApiException.invalid("toHandler", "is named in the complaint and cannot handle it");
                }
                if (h.id().equals(c.handler())) {
                    throw new IllegalTransition("The complaint is already assigned to " + h.id() + ".", c.status());
                }
                if (!forceClaim(h, doc.number, c.department())) {
                    throw new OptimisticLockingFailureException("handler workload changed");
                }
                claimed = h.id();
            } else {
                claimed = assigner.claim(doc.number, c.department(), null, c.content(),
                                c.handler() == null ? Set.of() : Set.of(c.handler()), null, clock.instant())
                        .map(Handler::id)
                        .orElseThrow(() -> new IllegalTransition("Nobody else in " + c.department() + " can take it now.", c.status()));
            }
            return new Change(c.reassign(claimed, reason, caller.actor(), clock.instant()), claimed);
        });
    }

    /** To another responsible department, with the reason (SPEC §3.8 routing by the department). */
    public HandlingCase transfer(String number, String toDepartment, String reason, CallerIdentity caller) {
        Department target = organisation.department(toDepartment)
                .orElseThrow(() -> ApiException.invalid("toDepartment", "is not a known department"));
        return mutate(number, caller, Work.MANAGEMENT, doc -> {
            HandlingCase c = doc.handling;
            if (c.status() == null || !c.status().isOpen()) {
                throw new IllegalTransition("Cannot transfer a complaint that is " + c.status() + ".", c.status());
            }
            if (target.code().equals(c.department())) {
                throw new IllegalTransition("The complaint is already in " + target.code() + ".", c.status());
            }
            if (c.status() == HandlingStatus.IN_PROGRESS) {
                throw new IllegalTransition("The agreed solution is being carried out; it cannot be transferred now.", c.status());
            }
            String claimed = assigner.claim(doc.number, target.code(), null, c.content(), Set.of(), null, clock.instant())
                    .map(Handler::id).orElse(null);
            return new Change(c.transfer(target.code(), claimed, target.manager(), target.confidential(), reason,
                    caller.actor(), clock.instant()), claimed);
        });
    }

    /** A handler became unavailable: each of their open complaints goes to someone else in the department. */
    public int reassignAllOf(String handlerId, String reason, CallerIdentity caller) {
        int moved = 0;
        for (CaseDocument doc : cases.openCasesOf(handlerId)) {
            try {
                HandlingCase c = doc.handling;
                Optional<Handler> other = assigner.claim(doc.number, c.department(), null, c.content(), Set.of(handlerId),
                        null, clock.instant());
                if (other.isEmpty()) {
                    continue;
                }
                try {
                    var caused = c.reassign(other.get().id(), reason, caller.actor(), clock.instant());
                    cases.save(doc, envelopes(doc.number, caused));
                    assigner.release(handlerId, doc.number);
                    moved++;
                } catch (OptimisticLockingFailureException | IllegalTransition raced) {
                    releaseUnlessAssigned(other.get().id(), doc.number);
                }
            } catch (IllegalStateException busy) {
                log.warn("could not reassign {}: {}", doc.number, busy.getMessage());
            }
        }
        return moved;
    }

    // ---------------------------------------------------------------- the complainant's answer

    /** The complainant's read of their complaint in dispatch, behind the second factor (404 for a wrong one). */
    public HandlingCase complainantView(String number, String verify) {
        CaseDocument doc = cases.find(number).orElseThrow(() -> ApiException.notFound("Complaint", number));
        HandlingCase c = doc.handling;
        if (c.secondFactor() == null || verify == null || !c.secondFactor().matches(verify)) {
            throw ApiException.notFound("Complaint", number + " with this verification");
        }
        return c;
    }

    public HandlingCase acceptSolution(String number, String verify, String note, CallerIdentity caller) {
        return complainantCommand(number, verify, c -> c.acceptSolution(note, clock.instant()));
    }

    public HandlingCase rejectSolution(String number, String verify, String reason, CallerIdentity caller) {
        return complainantCommand(number, verify, c -> c.rejectSolution(reason, clock.instant()));
    }

    // ---------------------------------------------------------------- plumbing

    private record Change(List<ComplaintEvent> events, String claimed) {
    }

    private HandlingCase staffCommand(String number, CallerIdentity caller, Work work,
                                      Function<HandlingCase, List<ComplaintEvent>> action) {
        return mutate(number, caller, work, doc -> new Change(action.apply(doc.handling), null));
    }

    private HandlingCase mutate(String number, CallerIdentity caller, Work work, Function<CaseDocument, Change> action) {
        requireAnyRole(caller, work);
        for (int attempt = 0; ; attempt++) {
            CaseDocument doc = load(number);
            HandlingCase c = doc.handling;
            checkMayAct(c, caller, work);
            String previous = c.handler();
            boolean wasOpen = c.status() != null && c.status().isOpen();
            Change change = null;
            try {
                change = action.apply(doc);
                cases.save(doc, envelopes(number, change.events()));
                settleWorkload(doc, previous, wasOpen);
                return doc.handling;
            } catch (IllegalTransition e) {
                throw ApiException.illegalState(e.getMessage(), e.current() == null ? "NOT_DISPATCHED" : e.current());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("body", e.getMessage());
            } catch (OptimisticLockingFailureException e) {
                if (change != null && change.claimed() != null && !change.claimed().equals(previous)) {
                    releaseUnlessAssigned(change.claimed(), number);
                }
                if (attempt >= 3) {
                    throw ApiException.illegalState("The complaint was changed by someone else at the same time; try again.",
                            c.status());
                }
            }
        }
    }

    private HandlingCase complainantCommand(String number, String verify, Function<HandlingCase, List<ComplaintEvent>> action) {
        for (int attempt = 0; ; attempt++) {
            CaseDocument doc = cases.find(number).orElseThrow(() -> ApiException.notFound("Complaint", number));
            HandlingCase c = doc.handling;
            if (c.secondFactor() == null || !c.secondFactor().matches(verify)) {
                // the same answer as for an unknown number: a wrong guess learns nothing
                throw ApiException.notFound("Complaint", number + " with this verification");
            }
            try {
                var caused = action.apply(c);
                cases.save(doc, envelopes(number, caused));
                return c;
            } catch (IllegalTransition e) {
                throw ApiException.illegalState(e.getMessage(), e.current() == null ? "NOT_DISPATCHED" : e.current());
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw ApiException.illegalState("The complaint was changed at the same time; try again.", c.status());
                }
            }
        }
    }

    /** What a listener made of an event on a case: the events it caused, and the workload to settle after the save. */
    private record Applied(List<ComplaintEvent> caused, String previousHandler, boolean wasOpen, String claimed) {
    }

    /** A listener's reaction to its event on a case (changed in place). */
    @FunctionalInterface
    private interface Reaction {
        /**
         * @param remembered the case is the one this instance last wrote, not read from the store
         * @return null (only on a remembered case): nothing is decided on it, the stored case is read instead
         */
        Applied apply(CaseDocument doc, boolean remembered);
    }

    /**
     * Applies a consumed event to its complaint's case, once (its id is saved with the change). The events of a
     * complaint come to its listener in order, so the case is usually the one this instance wrote last: the event is
     * then applied to that remembered case without reading it (issue 7), in a write conditioned on its version. If
     * the stored case moved on meanwhile (another instance, a staff action, the queue drain), the write matches
     * nothing, a claim it made is given up as after a lost save, and the event is applied to the stored case as
     * before. Only "already processed" is decided on the remembered case, since an id it holds was stored; a reaction
     * that would drop the event, or that fails on it, is left to the stored case.
     *
     * @param createIfAbsent a case not stored yet is created (the registration and the triage); otherwise the event
     *                       is not for dispatch yet and is dropped
     */
    private void consume(EventEnvelope<ComplaintEvent> env, boolean createIfAbsent, Reaction reaction) {
        String number = env.complaintId();
        Optional<CaseDocument> remembered = cases.remembered(number);
        if (remembered.isPresent()) {
            CaseDocument doc = remembered.get();
            if (doc.alreadyProcessed(env.eventId())) {
                return; // a remembered id was stored: the event was applied
            }
            Applied applied;
            try {
                applied = reaction.apply(doc, true);
            } catch (RuntimeException refused) {
                // perhaps only because the remembered case is behind the stored one: decided on the stored one
                log.debug("{} on the remembered case of {}: applied to the stored one", refused, number);
                cases.forget(number);
                applied = null;
            }
            if (applied != null) {
                doc.markProcessed(env.eventId());
                if (saveCaused(doc, env, applied, true)) {
                    return;
                }
            }
            // the remembered case was behind the stored one (forgotten now), or the decision is the stored case's
        }
        CaseDocument doc = cases.find(number).orElseGet(() -> createIfAbsent ? CaseDocument.fresh(number) : null);
        if (doc == null || doc.alreadyProcessed(env.eventId())) {
            return;
        }
        Applied applied = reaction.apply(doc, false);
        doc.markProcessed(env.eventId());
        saveCaused(doc, env, applied, false);
    }

    /**
     * Saves a consumer's change with events derived from the input event (same ids on redelivery).
     *
     * @return false when the case was remembered and the stored one had moved on (nothing written, the claim given up)
     */
    private boolean saveCaused(CaseDocument doc, EventEnvelope<ComplaintEvent> cause, Applied applied, boolean remembered) {
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (int i = 0; i < applied.caused().size(); i++) {
            out.add(events.causedBy(cause, applied.caused().get(i), i));
        }
        boolean written;
        try {
            if (remembered) {
                written = cases.saveRemembered(doc, out);
            } else {
                cases.save(doc, out);
                written = true;
            }
        } catch (RuntimeException e) {
            giveUpClaim(applied, doc.number);
            throw e;
        }
        if (!written) {
            giveUpClaim(applied, doc.number);
            return false;
        }
        settleWorkload(doc, applied.previousHandler(), applied.wasOpen());
        return true;
    }

    /** After a save that did not happen: a handler claimed for it no longer holds the complaint. */
    private void giveUpClaim(Applied applied, String number) {
        if (applied.claimed() != null && !applied.claimed().equals(applied.previousHandler())) {
            releaseUnlessAssigned(applied.claimed(), number);
        }
    }

    /**
     * Gives up a claim after a lost race (the case was saved by someone else meanwhile) — unless the saved case names
     * that very handler: a concurrent attempt may have reused the same claim (see {@link Assigner}), and it is theirs
     * now too.
     */
    private void releaseUnlessAssigned(String handler, String number) {
        boolean assigned = cases.find(number).map(d -> d.handling)
                .filter(c -> c.status() != null && c.status().isOpen() && handler.equals(c.handler()))
                .isPresent();
        if (!assigned) {
            assigner.release(handler, number);
        }
    }

    /** After a save: the previous handler no longer carries the complaint if it moved on or is no longer open. */
    private void settleWorkload(CaseDocument doc, String previousHandler, boolean wasOpen) {
        HandlingCase c = doc.handling;
        boolean open = c.status() != null && c.status().isOpen();
        if (previousHandler != null && wasOpen && (!open || !previousHandler.equals(c.handler()))) {
            assigner.release(previousHandler, doc.number);
        }
    }

    private boolean forceClaim(Handler h, String number, String department) {
        for (int i = 0; i < 10; i++) {
            Handler fresh = organisation.handler(h.id()).orElseThrow();
            if (organisation.claim(fresh.id(), number, fresh.openCases(), organisation.nextAssignmentSeq(department))) {
                return true;
            }
        }
        return false;
    }

    private List<EventEnvelope<?>> envelopes(String number, List<ComplaintEvent> caused) {
        String correlation = com.complaintdesk.kit.web.RequestContextFilter.currentCorrelationId();
        List<EventEnvelope<?>> out = new ArrayList<>();
        for (ComplaintEvent e : caused) {
            out.add(events.envelope(number, e, correlation));
        }
        return out;
    }

    private CaseDocument load(String number) {
        return cases.find(number).filter(d -> d.handling != null && d.handling.isDispatched())
                .orElseThrow(() -> ApiException.notFound("Complaint", number));
    }

    private CaseAccess.Caller access(CallerIdentity caller) {
        return visibility.caller(caller);
    }

    /** The roles as they are: ADMIN is not every role here (see {@link CaseAccess}). */
    private static void requireAnyRole(CallerIdentity caller, Work work) {
        if (caller.roles().stream().noneMatch(work.roles()::contains)) {
            throw ApiException.forbidden("This action needs one of the roles "
                    + String.join(", ", work.roles().stream().sorted().toList()) + ".");
        }
    }

    /**
     * SPEC §3.20 and §7: a complaint the shared read rule hides is 404 (a confidential one also to whoever would act on
     * it); handlers and managers act only on
     * their own department's complaints (a 409 with the current state, as issue 4 asks); a handler only on the
     * complaints assigned to them.
     */
    private void checkMayAct(HandlingCase c, CallerIdentity caller, Work work) {
        switch (CaseAccess.decide(access(caller), work, c.department(), c.handler(), c.confidential())) {
            case ALLOWED -> {
            }
            case NOT_YOUR_ROLE -> requireAnyRole(caller, work);
            case INVISIBLE -> throw ApiException.notFound("Complaint", c.number());
            case OTHER_DEPARTMENT -> throw ApiException.illegalState("The complaint belongs to " + c.department()
                    + ", not to " + caller.department() + ".", c.status());
            case NOT_ASSIGNED_TO_YOU -> throw ApiException.forbidden("The complaint is assigned to " + c.handler()
                    + ", not to you.");
        }
    }

    private String managerOf(String department) {
        return directory.current().managerOf(department);
    }
}
