package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The walking skeleton: a triaged complaint is dispatched to one department and one handler, on both topics. */
class DispatchFlowTest extends DispatchIntegrationTest {

    @Test
    void a_triaged_product_complaint_goes_to_operations_with_one_handler_on_the_dispatch_and_department_topics() {
        String n = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH,
                Topics.departmentTopic("OPERATIONS"))) {
            publish(Topics.INTAKE, n, Events.received(n, "电饭煲用了两次就不能加热了"));
            publish(Topics.TRIAGE, n, Events.triaged("PRODUCT_QUALITY", Severity.GENERAL));

            var doc = awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED);
            assertThat(doc.handling.department()).isEqualTo("OPERATIONS");
            assertThat(doc.handling.handler()).startsWith("ops-");

            var hits = probe.await(EventProbe.ofType(n, "ComplaintDispatched"), 2, Duration.ofSeconds(30));
            assertThat(hits).extracting(r -> r.topic())
                    .containsExactlyInAnyOrder(Topics.DISPATCH, Topics.departmentTopic("OPERATIONS"));
            assertThat(hits.get(0).value()).contains("\"handler\":\"" + doc.handling.handler() + "\"")
                    .contains("\"producer\":\"dispatch-service\"");
        }
    }

    @Autowired
    OrganisationStore organisation;

    @Test
    void a_redelivered_triage_event_changes_nothing_twice() {
        String n = newNumber();
        var env = EventEnvelope.<ComplaintEvent>of(Events.triaged("AFTER_SALES", Severity.GENERAL), n, MONDAY_10AM, "corr", "triage-service");
        String json = codec.encode(env);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            kafka.send(Topics.TRIAGE, n, json).join();
            awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED);
            kafka.send(Topics.TRIAGE, n, json).join();
            // a later event on the same partition proves the redelivery was consumed before we look
            publish(Topics.TRIAGE, n, Events.reclassified("AFTER_SALES", Severity.IMPORTANT));
            awaitCase(n, d -> d.handling.severity() == Severity.IMPORTANT);

            assertThat(organisation.holdersOf(n)).hasSize(1);
            assertThat(cases.find(n).orElseThrow().handling.history()).filteredOn(h -> h.what().equals("DISPATCHED")).hasSize(1);
            probe.await(EventProbe.ofType(n, "ComplaintDispatched"), 1, Duration.ofSeconds(20));
            sleep(300);
            assertThat(probe.records()).filteredOn(EventProbe.ofType(n, "ComplaintDispatched")).hasSize(1);
        }
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_without_blocking_the_partition() {
        String n = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.deadLetter(Topics.TRIAGE))) {
            kafka.send(Topics.TRIAGE, n, "{not an envelope").join();
            publish(Topics.TRIAGE, n, Events.triaged("OTHER", Severity.GENERAL));
            awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED);
            probe.await(r -> n.equals(r.key()) && r.value().contains("not an envelope"), 1, Duration.ofSeconds(20));
        }
    }

    @Test
    void a_dispatch_written_before_kind_and_sequence_existed_still_reads_and_a_new_one_carries_them() {
        String old = """
                {"eventId":"5b0c0f4e-8a53-3d6e-9d0a-2f4f7f3f8c11","type":"ComplaintDispatched","schemaVersion":1,
                 "occurredAt":"2026-11-30T02:00:01.250Z","complaintId":"C-20261130-000123","correlationId":"c",
                 "producer":"dispatch-service","payload":{"department":"ENGINEERING","handler":"eng-h2","supervisor":null,
                 "category":"FACILITY_ENVIRONMENT","severity":"GENERAL","noInterviews":false,"confidential":false,
                 "queued":false,"reason":"routing rule 40"}}""";
        var decoded = (com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched) codec.decode(old).payload();
        assertThat(decoded.handler()).isEqualTo("eng-h2");
        assertThat(decoded.kind()).isNull();
        assertThat(decoded.sequence()).isNull();

        var fresh = new com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched("ENGINEERING", "eng-h2", null,
                "FACILITY_ENVIRONMENT", Severity.GENERAL, false, false, false, "transferred",
                com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched.Kind.TRANSFERRED, 2);
        String json = codec.encode(EventEnvelope.of(fresh, "C-20261130-000123", java.time.Instant.now(), "c", "dispatch-service"));
        assertThat(json).contains("\"kind\":\"TRANSFERRED\"", "\"sequence\":2");
        assertThat(codec.decode(json).payload()).isEqualTo(fresh);
    }

    @Test
    void a_department_shows_its_manager_the_categories_routed_to_it_and_its_handlers_skills() {
        var hr = get("/api/v1/organisation/departments/HR", new Caller("ops-h1", "HANDLER", "OPERATIONS"));
        assertThat(hr.status()).isEqualTo(200);
        assertThat(hr.body().get("manager").asString()).isEqualTo("hr-mgr-wu");
        assertThat(hr.body().get("confidential").asBoolean()).isTrue();
        assertThat(hr.raw()).contains("\"WORKPLACE\"");
        var eng = get("/api/v1/organisation/departments", new Caller("ops-h1", "HANDLER", "OPERATIONS"));
        assertThat(eng.status()).isEqualTo(200);
        assertThat(eng.raw()).contains("\"FACILITY_ENVIRONMENT\"");
        var engineering = java.util.stream.IntStream.range(0, eng.body().size()).mapToObj(i -> eng.body().get(i))
                .filter(d -> d.get("code").asString().equals("ENGINEERING")).findFirst().orElseThrow();
        assertThat(engineering.get("categories").toString()).contains("FACILITY_ENVIRONMENT");
        assertThat(engineering.get("skills").size()).isPositive();
        assertThat(get("/api/v1/organisation/departments/HR", Caller.channel()).status()).isEqualTo(403);
    }

    @Test
    void the_openapi_document_describes_the_workflow_endpoints() {
        var docs = get("/v3/api-docs", new Caller("admin", "ADMIN", null));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.raw()).contains("/api/v1/dispatch/complaints/{number}/solution", "/api/v1/complaints/{number}/solution/reject",
                "/api/v1/organisation/handlers/{id}/availability", "/api/v1/dispatch/complaints/{number}/manager-consulted");
    }
}
