package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.SlaClocks;
import com.complaintdesk.contracts.events.SlaEvents.SlaEscalated;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.kit.web.ComplaintAccess;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** SLA escalations, the supervisor's on-site handling of vicious complaints, late conflict checks and repeated reopens. */
class EscalationAndSupervisionTest extends DispatchIntegrationTest {

    @Autowired
    OrganisationStore organisation;

    String dispatched(String category, Severity severity, Flag... flags) {
        String n = newNumber();
        publish(Topics.INTAKE, n, Events.received(n, "问题一直没有解决"));
        awaitCase(n, d -> d.handling.content() != null);
        publish(Topics.TRIAGE, n, Events.triaged(category, severity, flags));
        awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED);
        return n;
    }

    @Test
    void an_sla_escalation_to_the_manager_is_recorded_and_passed_to_the_department_manager() {
        String n = dispatched("AFTER_SALES", Severity.GENERAL);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            publish(Topics.SLA, n, new SlaEscalated(SlaClocks.RESOLUTION, EscalationLevel.DEPARTMENT_MANAGER,
                    "DEPARTMENT_MANAGER", null));
            var note = probe.await(r -> n.equals(r.key()) && r.value().contains("\"type\":\"StaffNotified\"")
                    && r.value().contains("SLA RESOLUTION escalated"), 1, Duration.ofSeconds(20)).get(0);
            assertThat(note.value()).contains("\"recipient\":\"ops-mgr-zhao\"");
        }
        assertThat(cases.find(n).orElseThrow().handling.history()).extracting(h -> h.what()).contains("ESCALATED");
    }

    @Test
    void the_supervisor_handles_a_vicious_complaint_on_site_and_a_disagreement_starts_the_15_minute_clock() {
        String n = dispatched("SERVICE_ATTITUDE", Severity.IMPORTANT, Flag.EXTREME_BEHAVIOUR);
        Caller supervisor = new Caller("sup-zhou", "SUPERVISOR", "SERVICE_DESK");
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.DISPATCH)) {
            var reply = post("/api/v1/dispatch/complaints/" + n + "/on-site-handling", supervisor,
                    "{\"note\":\"met the complainant at the desk\",\"complainantAgrees\":false}");
            assertThat(reply.status()).isEqualTo(200);
            probe.await(EventProbe.ofType(n, "DisagreementRecorded"), 1, Duration.ofSeconds(20));
            probe.await(EventProbe.ofType(n, "OnSiteHandlingRecorded"), 1, Duration.ofSeconds(20));
            // the clock runs until the supervisor has consulted the manager; that is recorded, and reaches the manager
            var consulted = post("/api/v1/dispatch/complaints/" + n + "/manager-consulted", supervisor,
                    "{\"instructions\":\"offer a written apology and a voucher\"}");
            assertThat(consulted.status()).as(consulted.raw()).isEqualTo(200);
            assertThat(consulted.body().get("managerConsultedAt").isNull()).isFalse();
            var reached = probe.await(r -> n.equals(r.key()) && r.value().contains("\"type\":\"StaffNotified\"")
                    && r.value().contains("Consulted by sup-zhou"), 1, Duration.ofSeconds(20)).get(0);
            assertThat(reached.value()).contains("\"role\":\"DEPARTMENT_MANAGER\"").contains("\"recipient\":\"desk-mgr-liu\"")
                    .contains("\"consultedBy\":\"sup-zhou\"");
            var twice = post("/api/v1/dispatch/complaints/" + n + "/manager-consulted", supervisor,
                    "{\"instructions\":\"again\"}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(post("/api/v1/dispatch/complaints/" + n + "/manager-consulted", supervisor, "{}").status()).isEqualTo(400);
        }
        // seed 5.3.1: a vicious complaint told the service supervisor at once to handle it on the spot
        assertThat(cases.find(n).orElseThrow().handling.history())
                .anyMatch(h -> h.what().equals("NOTIFIED") && h.detail().startsWith("sup-zhou: Major or vicious"));
        // a handler may not record the supervisor's on-site handling
        var dept = cases.find(n).orElseThrow().handling;
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/on-site-handling",
                new Caller(dept.handler(), "HANDLER", dept.department()), "{\"note\":\"x\",\"complainantAgrees\":true}").status())
                .isEqualTo(403);
        // a general complaint is not for on-site supervisor handling: 409
        String general = dispatched("OTHER", Severity.GENERAL);
        assertThat(post("/api/v1/dispatch/complaints/" + general + "/on-site-handling", supervisor,
                "{\"note\":\"x\",\"complainantAgrees\":true}").status()).isEqualTo(409);
    }

    @Test
    void when_the_text_arrives_after_dispatch_and_names_the_handler_the_complaint_is_reassigned() {
        String n = newNumber();
        publish(Topics.TRIAGE, n, Events.triaged("FACILITY_ENVIRONMENT", Severity.GENERAL));
        String first = awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED).handling.handler();
        String name = organisation.handler(first).orElseThrow().name();

        publish(Topics.INTAKE, n, Events.received(n, "投诉" + name + "维修时态度恶劣"));
        var after = awaitCase(n, d -> d.handling.content() != null).handling;
        assertThat(after.handler()).isNotEqualTo(first);
        assertThat(awaitSingleHolder(n)).isEqualTo(after.handler());
    }

    @Test
    void a_second_reopen_escalated_to_the_manager_makes_the_manager_supervise() {
        String n = dispatched("PRODUCT_QUALITY", Severity.GENERAL);
        var c = cases.find(n).orElseThrow().handling;
        Caller handler = new Caller(c.handler(), "HANDLER", "OPERATIONS");
        post("/api/v1/dispatch/complaints/" + n + "/investigation", handler, "{\"cause\":\"defect\"}");
        post("/api/v1/dispatch/complaints/" + n + "/solution", handler, "{\"items\":[{\"kind\":\"REPLACEMENT\"}]}");
        post("/api/v1/complaints/" + n + "/solution/accept", Caller.channel(), "{\"verify\":\"8000\"}");
        assertThat(post("/api/v1/dispatch/complaints/" + n + "/resolution", handler, "{\"summary\":\"replaced\"}").status())
                .isEqualTo(200);

        publish(Topics.FOLLOWUP, n, new ComplaintReopened("still broken", 2, "OPERATIONS", c.handler(),
                EscalationLevel.DEPARTMENT_MANAGER));
        var reopened = awaitCase(n, d -> d.handling.reopenCount() == 1).handling;
        assertThat(reopened.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(reopened.supervisor()).isEqualTo("ops-mgr-zhao");
    }

    @Test
    void a_reclassified_category_moves_a_complaint_nobody_started_on_to_its_department() {
        String n = dispatched("OTHER", Severity.GENERAL);
        assertThat(cases.find(n).orElseThrow().handling.department()).isEqualTo("SERVICE_DESK");
        String deskHandler = cases.find(n).orElseThrow().handling.handler();

        publish(Topics.TRIAGE, n, Events.reclassified("BILLING_REFUND", Severity.GENERAL));
        var moved = awaitCase(n, d -> "FINANCE".equals(d.handling.department())).handling;
        assertThat(moved.handler()).startsWith("fin-");
        assertThat(moved.status()).isEqualTo(HandlingStatus.DISPATCHED);
        assertThat(awaitSingleHolder(n)).isEqualTo(moved.handler());
        assertThat(organisation.handler(deskHandler).orElseThrow().openCases())
                .isEqualTo(cases.list(null, null, deskHandler, ComplaintAccess.Scope.EVERYTHING, 0, 500).stream().filter(d -> d.handling.status().isOpen()).count());
    }

    /** The previous handler is released just after the case is saved: wait until only one holds it. */
    String awaitSingleHolder(String complaint) {
        for (int i = 0; i < 200 && organisation.holdersOf(complaint).size() != 1; i++) {
            sleep(20);
        }
        var holders = organisation.holdersOf(complaint);
        assertThat(holders).hasSize(1);
        return holders.get(0).id();
    }
}
