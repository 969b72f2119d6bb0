package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.DispatchApplication;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.application.Assigner;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two dispatch-service instances on the same database and broker (issue 4): assignments stay single and the
 * workloads stay right, because every claim is an atomic guarded update in MongoDB, not an in-memory counter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentAssignmentTest extends DispatchIntegrationTest {

    static final Caller ADMIN = new Caller("admin", "ADMIN", null);

    @Autowired
    Environment env;
    @Autowired
    Assigner assigner;
    @Autowired
    OrganisationStore organisation;

    ConfigurableApplicationContext secondInstance;

    @BeforeAll
    void startSecondInstance() {
        // command-line arguments, so they win over application.yml like the first instance's test properties do
        secondInstance = new SpringApplicationBuilder(DispatchApplication.class).profiles("test").run(
                "--spring.mongodb.uri=" + env.getProperty("spring.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--server.port=0",
                // another instance sees an organisation change (here the routing rule one test adds through the first
                // instance) within dispatch.organisation.cache-ttl; this one reads it for every event, so at once
                "--dispatch.organisation.cache-ttl=0s");
    }

    @AfterAll
    void stopSecondInstance() {
        secondInstance.close();
    }

    void department(String code, int handlers) {
        assertThat(put("/api/v1/organisation/departments/" + code, ADMIN,
                "{\"name\":\"" + code + "\",\"manager\":\"" + code.toLowerCase() + "-mgr\"}").status()).isEqualTo(200);
        for (int i = 1; i <= handlers; i++) {
            assertThat(put("/api/v1/organisation/handlers/" + code.toLowerCase() + "-h" + i, ADMIN,
                    "{\"name\":\"Handler " + code + i + "\",\"department\":\"" + code + "\",\"duty\":{\"alwaysOnDuty\":true}}")
                    .status()).isEqualTo(200);
        }
    }

    void assertWorkloadsConsistent(String department, List<String> complaints) {
        List<Handler> handlers = organisation.handlers(department);
        for (String c : complaints) {
            assertThat(organisation.holdersOf(c)).as("handlers holding %s", c).hasSize(1);
        }
        int total = handlers.stream().mapToInt(Handler::openCases).sum();
        assertThat(total).isEqualTo(complaints.size());
        int min = handlers.stream().mapToInt(Handler::openCases).min().orElseThrow();
        int max = handlers.stream().mapToInt(Handler::openCases).max().orElseThrow();
        assertThat(max - min).as("spread of open workload %s", handlers.stream().map(Handler::openCases).toList())
                .isLessThanOrEqualTo(1);
    }

    boolean organisationHolds(String handler, String complaint) {
        return organisation.holdersOf(complaint).stream().anyMatch(h -> h.id().equals(handler));
    }

    @Test
    void concurrent_claims_from_two_instances_never_double_assign_and_keep_the_spread_within_one() throws Exception {
        department("LOADA", 4);
        Assigner other = secondInstance.getBean(Assigner.class);
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            complaints.add("C-20261130-9" + String.format("%05d", i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Handler>> results = new ArrayList<>();
            for (int i = 0; i < complaints.size(); i++) {
                Assigner instance = i % 2 == 0 ? assigner : other;
                String c = complaints.get(i);
                results.add(pool.submit(() -> instance.claim(c, "LOADA", null, null, Set.of(), null, clock.instant()).orElseThrow()));
            }
            for (Future<Handler> f : results) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertWorkloadsConsistent("LOADA", complaints);
        assertThat(organisation.handlers("LOADA")).allSatisfy(h -> assertThat(h.openCases()).isEqualTo(20));
    }

    @Test
    void triaged_complaints_consumed_by_two_instances_each_get_exactly_one_handler() {
        department("LOADB", 3);
        var rules = new ArrayList<>(organisation.settings().routing);
        var body = new StringBuilder("[{\"priority\":1,\"category\":\"LOAD_TEST\",\"department\":\"LOADB\"}");
        for (var r : rules) {
            if (!"LOAD_TEST".equals(r.category())) {
                body.append(",").append(json.writeValueAsString(r));
            }
        }
        assertThat(put("/api/v1/organisation/routing-rules", ADMIN, body.append("]").toString()).status()).isEqualTo(200);

        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String n = newNumber();
            complaints.add(n);
            publish(Topics.TRIAGE, n, Events.triaged("LOAD_TEST", Severity.GENERAL));
        }
        for (String n : complaints) {
            var doc = awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED);
            assertThat(doc.handling.department()).isEqualTo("LOADB");
            assertThat(organisationHolds(doc.handling.handler(), n)).isTrue();
        }
        assertWorkloadsConsistent("LOADB", complaints);
    }

    @Test
    void a_queue_drained_by_two_instances_at_once_gives_each_complaint_exactly_one_handler() throws Exception {
        department("LOADD", 3);
        organisation.handlers("LOADD").forEach(h -> organisation.setAvailable(h.id(), false));
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String n = newNumber();
            var doc = com.complaintdesk.dispatch.adapters.mongo.CaseDocument.fresh(n);
            doc.handling.dispatch(new com.complaintdesk.dispatch.domain.handling.DispatchDecision("LOADD", null, "loadd-mgr",
                    null, "OTHER", Severity.GENERAL, null, Set.of(), false, "test"), clock.instant());
            cases.save(doc, List.of());
            complaints.add(n);
        }
        organisation.handlers("LOADD").forEach(h -> organisation.setAvailable(h.id(), true));

        var mine = handlingService;
        var theirs = secondInstance.getBean(com.complaintdesk.dispatch.application.HandlingService.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> drains = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                var instance = i % 2 == 0 ? mine : theirs;
                drains.add(pool.submit(instance::drainQueue));
            }
            for (Future<Integer> f : drains) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        mine.drainQueue();  // whatever a lost race left queued

        for (String n : complaints) {
            var c = cases.find(n).orElseThrow().handling;
            assertThat(c.status()).as(n).isEqualTo(HandlingStatus.DISPATCHED);
            assertThat(organisation.holdersOf(n)).as("holders of %s", n).extracting(Handler::id).containsExactly(c.handler());
        }
        assertWorkloadsConsistent("LOADD", complaints);
    }

    @Autowired
    com.complaintdesk.dispatch.application.HandlingService handlingService;

    @Test
    void a_phantom_claim_left_by_a_crash_is_removed_by_the_admin_recount() {
        department("LOADC", 1);
        String crashed = "C-20261130-999999";
        assertThat(assigner.claim(crashed, "LOADC", null, null, Set.of(), null, clock.instant())).isPresent();
        assertThat(organisation.handler("loadc-h1").orElseThrow().openCases()).isEqualTo(1);

        assertThat(post("/api/v1/organisation/handlers/loadc-h1/recount-workload", new Caller("m", "DEPARTMENT_MANAGER", "LOADC"), null)
                .status()).isEqualTo(403);
        var reply = post("/api/v1/organisation/handlers/loadc-h1/recount-workload", ADMIN, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("openCases").asInt()).isZero();
        assertThat(organisation.holdersOf(crashed)).isEmpty();
    }
}
