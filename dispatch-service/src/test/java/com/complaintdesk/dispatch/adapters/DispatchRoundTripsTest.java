package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.MongoCommandLog;
import com.complaintdesk.testsupport.MongoCommandLog.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What dispatching a complaint costs in store round trips (docs/performance.md, fifth round): the registration and
 * the triage event of each complaint handled as the listeners would, on the test's thread, every Mongo command the
 * service sends for them counted by collection. The organisation settings and the departments are read at most once
 * per event (and mostly not at all: a short-lived snapshot); the handlers of the department once per choice; the
 * workload counters are never cached. The case is read only for the registration, which creates it: the triage is
 * applied to the case as this instance wrote it (issue 7, {@code dispatch.recent-cases}).
 */
class DispatchRoundTripsTest extends DispatchIntegrationTest {

    static final Caller ADMIN = new Caller("admin", "ADMIN", null);
    static final int COMPLAINTS = 12;

    @Autowired
    HandlingService handling;
    @Autowired
    MongoCommandLog commands;
    @Autowired
    OrganisationStore organisation;

    /** Puts a routing rule for {@code category} first, keeping the others. */
    private void routeFirst(String category, String department) {
        var body = new StringBuilder("[{\"priority\":1,\"category\":\"" + category + "\",\"department\":\"" + department + "\"}");
        for (var r : organisation.settings().routing) {
            if (!category.equals(r.category())) {
                body.append(",").append(json.writeValueAsString(r));
            }
        }
        assertThat(put("/api/v1/organisation/routing-rules", ADMIN, body.append("]").toString()).status()).isEqualTo(200);
    }

    /**
     * A department (managed by {@code <id of its department, lower case>-mgr}) with one always-on-duty handler who
     * takes one complaint, and {@code category} routed to it first.
     */
    private void oneHandlerDepartment(String department, String name, String handler, String handlerName, String category) {
        assertThat(put("/api/v1/organisation/departments/" + department, ADMIN,
                "{\"name\":\"" + name + "\",\"manager\":\"" + department.toLowerCase() + "-mgr\"}").status()).isEqualTo(200);
        handlerCapacity(department, handler, handlerName, 1);
        routeFirst(category, department);
    }

    /** Saves the always-on-duty handler with {@code capacity} places (saving a handler drains the queue). */
    private void handlerCapacity(String department, String handler, String handlerName, int capacity) {
        assertThat(put("/api/v1/organisation/handlers/" + handler, ADMIN,
                "{\"name\":\"%s\",\"department\":\"%s\",\"capacity\":%d,\"duty\":{\"alwaysOnDuty\":true}}"
                        .formatted(handlerName, department, capacity)).status()).isEqualTo(200);
    }

    /** The registration and the triage of a complaint, handled on the test's thread as the listeners would. */
    private void registerAndTriage(String number, String text, String category) {
        var received = EventEnvelope.<ComplaintEvent>of(Events.received(number, text), number, MONDAY_10AM, "c", "intake-service");
        var triaged = EventEnvelope.<ComplaintEvent>of(Events.triaged(category, Severity.GENERAL), number, MONDAY_10AM, "c", "triage-service");
        handling.onReceived(received, (ComplaintReceived) received.payload());
        handling.onTriaged(triaged, (ComplaintTriaged) triaged.payload());
    }

    @Test
    void a_dispatched_complaint_reads_the_organisation_at_most_once_per_event_and_the_handlers_once() {
        assertThat(put("/api/v1/organisation/departments/TRIPS", ADMIN, "{\"name\":\"Trips\",\"manager\":\"trips-mgr\"}")
                .status()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(put("/api/v1/organisation/handlers/trips-h" + i, ADMIN,
                    "{\"name\":\"Trips " + i + "\",\"department\":\"TRIPS\",\"duty\":{\"alwaysOnDuty\":true}}").status())
                    .isEqualTo(200);
        }
        routeFirst("ROUND_TRIPS", "TRIPS");

        List<String> numbers = new ArrayList<>();
        List<Command> sent = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            String n = newNumber();
            numbers.add(n);
            sent.addAll(commands.sentBy(() -> registerAndTriage(n, "柜台排队一个小时没人管", "ROUND_TRIPS")));
        }

        for (String n : numbers) {
            var c = cases.find(n).orElseThrow().handling;
            assertThat(c.status()).isEqualTo(HandlingStatus.DISPATCHED);
            assertThat(c.department()).isEqualTo("TRIPS");
            assertThat(organisation.holdersOf(n)).extracting(h -> h.id()).containsExactly(c.handler());
        }
        // fair assignment is unchanged: 12 complaints over 3 free handlers, 4 each
        assertThat(organisation.handlers("TRIPS")).allSatisfy(h -> assertThat(h.openCases()).isEqualTo(COMPLAINTS / 3));

        Map<String, Integer> byCollection = new TreeMap<>();
        sent.forEach(c -> byCollection.merge(c.collection(), 1, Integer::sum));
        System.out.printf("store commands per dispatched complaint: %.2f %s%n", sent.size() / (double) COMPLAINTS,
                byCollection.entrySet().stream().map(e -> e.getKey() + "=" + String.format("%.2f", e.getValue() / (double) COMPLAINTS)).toList());

        int organisationReads = byCollection.getOrDefault("organisation", 0) + byCollection.getOrDefault("departments", 0);
        // before: settings 3 + departments 2 per complaint (60 here); now at most one snapshot (2 reads) per event
        assertThat(organisationReads).isLessThanOrEqualTo(2 * COMPLAINTS);
        // before: the holder by openCases twice, the department's handlers, the claim: 4 per complaint
        assertThat(byCollection.getOrDefault("handlers", 0)).isLessThanOrEqualTo(2 * COMPLAINTS);
        // before: about 15 per complaint
        assertThat(sent.size()).isLessThanOrEqualTo(9 * COMPLAINTS);
        // the case is read once, for the registration that creates it; the triage is applied to the case as this
        // instance wrote it (dispatch.recent-cases): before, a find before each of the two writes
        assertThat(sent.stream().filter(c -> c.collection().equals("cases")).map(Command::name).toList())
                .containsOnly("find", "insert", "update")
                .filteredOn("find"::equals).hasSize(COMPLAINTS);
    }

    @Test
    void a_drain_reads_a_full_departments_handlers_once_and_still_fills_every_free_place() {
        oneHandlerDepartment("QFULL", "Full", "qfull-h1", "Full 1", "QUEUE_TRIPS");

        // one complaint takes the handler's one place, six more queue
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String n = newNumber();
            numbers.add(n);
            registerAndTriage(n, "停车场收费系统多扣了钱", "QUEUE_TRIPS");
        }
        assertThat(numbers).filteredOn(n -> cases.find(n).orElseThrow().handling.status() == HandlingStatus.QUEUED).hasSize(6);
        long queuedElsewhere = cases.queued().stream().filter(d -> !"QFULL".equals(d.handling.department())).count();

        List<Command> sent = commands.sentBy(() -> assertThat(handling.drainQueue()).as("nobody can take work").isZero());

        long handlerReads = sent.stream().filter(c -> c.collection().equals("handlers") && c.name().equals("find")).count();
        // before: the department's handlers read for each of its six queued complaints; now the workloads (who holds
        // a queued complaint already) and the department's handlers, once each
        assertThat(handlerReads).as("reads of handlers, %d complaints queued in other departments", queuedElsewhere)
                .isLessThanOrEqualTo(queuedElsewhere + 2);

        // two more places: exactly two of the six are assigned (saving the handler drains the queue), four still wait
        handlerCapacity("QFULL", "qfull-h1", "Full 1", 3);
        handling.drainQueue();
        assertThat(numbers).filteredOn(n -> cases.find(n).orElseThrow().handling.status() == HandlingStatus.QUEUED).hasSize(4);
        assertThat(organisation.handler("qfull-h1").orElseThrow().openCases()).isEqualTo(3);

        // a drain that claimed the full handler for a queued complaint and crashed before its save: the next drain
        // finishes that assignment, though nobody has a free place
        String claimedThenCrashed = numbers.stream()
                .filter(n -> cases.find(n).orElseThrow().handling.status() == HandlingStatus.QUEUED).findFirst().orElseThrow();
        assertThat(organisation.claim("qfull-h1", claimedThenCrashed, 3, organisation.nextAssignmentSeq("QFULL"))).isTrue();
        assertThat(handling.drainQueue()).isEqualTo(1);
        assertThat(cases.find(claimedThenCrashed).orElseThrow().handling.handler()).isEqualTo("qfull-h1");
        assertThat(numbers).filteredOn(n -> cases.find(n).orElseThrow().handling.status() == HandlingStatus.QUEUED).hasSize(3);
    }

    /** SPEC §3.8 in the drain: a queued complaint that names the one free handler does not hold back the next one. */
    @Test
    void a_queued_complaint_naming_the_free_handler_does_not_keep_the_next_one_queued() {
        oneHandlerDepartment("QNAME", "Named", "qname-h1", "张伟", "NAME_TRIPS");
        String first = newNumber();
        registerAndTriage(first, "打印机一直卡纸没人修", "NAME_TRIPS");
        String naming = newNumber();
        registerAndTriage(naming, "张伟态度很差,说话很冲", "NAME_TRIPS");
        String next = newNumber();
        registerAndTriage(next, "饮水机坏了三天了", "NAME_TRIPS");
        assertThat(cases.find(first).orElseThrow().handling.handler()).isEqualTo("qname-h1");
        assertThat(List.of(naming, next)).allSatisfy(n ->
                assertThat(cases.find(n).orElseThrow().handling.status()).isEqualTo(HandlingStatus.QUEUED));

        // a second place (saving the handler drains the queue): the complaint naming them is offered first and
        // finds nobody; the next one still gets the place
        handlerCapacity("QNAME", "qname-h1", "张伟", 2);
        handling.drainQueue();
        assertThat(cases.find(next).orElseThrow().handling.handler()).isEqualTo("qname-h1");
        assertThat(cases.find(naming).orElseThrow().handling.status()).isEqualTo(HandlingStatus.QUEUED);
    }
}
