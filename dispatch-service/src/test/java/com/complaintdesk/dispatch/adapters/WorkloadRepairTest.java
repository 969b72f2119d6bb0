package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.CaseDocument;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.application.Assigner;
import com.complaintdesk.dispatch.application.WorkloadReconciler;
import com.complaintdesk.dispatch.domain.handling.DispatchDecision;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk (b) of issue 4: a crash between claiming a handler and saving the case leaves a phantom open complaint on the
 * handler. The workload heals by itself: the reconciler compares workloads with the open cases and repairs what stayed
 * wrong for the grace period; an assignment in flight is left alone, and a retried assignment reuses the claim.
 */
class WorkloadRepairTest extends DispatchIntegrationTest {

    static final Caller ADMIN = new Caller("admin", "ADMIN", null);

    @Autowired
    OrganisationStore organisation;
    @Autowired
    Assigner assigner;
    @Autowired
    WorkloadReconciler reconciler;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.set(MONDAY_10AM);
    }

    void department(String code) {
        assertThat(put("/api/v1/organisation/departments/" + code, ADMIN,
                "{\"name\":\"" + code + "\",\"manager\":\"" + code.toLowerCase() + "-mgr\"}").status()).isEqualTo(200);
        assertThat(put("/api/v1/organisation/handlers/" + code.toLowerCase() + "-h1", ADMIN,
                "{\"name\":\"Handler " + code + "\",\"department\":\"" + code + "\",\"duty\":{\"alwaysOnDuty\":true}}")
                .status()).isEqualTo(200);
    }

    int open(String handler) {
        return organisation.handler(handler).orElseThrow().openCases();
    }

    @Test
    void a_phantom_claim_left_by_a_crash_is_removed_by_the_reconciler_once_it_has_stayed_wrong_for_the_grace_period() {
        department("REPA");
        String crashed = newNumber();
        // the claim succeeded, then the process died before the case was written
        assertThat(assigner.claim(crashed, "REPA", null, null, Set.of(), null, clock.instant())).isPresent();
        assertThat(open("repa-h1")).isEqualTo(1);

        reconciler.reconcile();
        assertThat(open("repa-h1")).as("first sighting: it may be an assignment in flight").isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        reconciler.reconcile();
        assertThat(open("repa-h1")).as("not yet wrong for the whole grace period").isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        var repairs = reconciler.reconcile();

        assertThat(repairs.phantomsRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("dispatch.workload.repairs").tag("kind", "phantom-removed").counter().count())
                .as("operations see the repairs").isGreaterThanOrEqualTo(1);
        assertThat(open("repa-h1")).isZero();
        assertThat(organisation.holdersOf(crashed)).isEmpty();
    }

    @Test
    void an_assignment_in_flight_when_the_reconciler_first_looks_is_kept_once_its_case_is_saved() {
        department("REPB");
        String n = newNumber();
        Handler h = assigner.claim(n, "REPB", null, null, Set.of(), null, clock.instant()).orElseThrow();
        reconciler.reconcile();

        // the case write lands after the first pass
        CaseDocument doc = CaseDocument.fresh(n);
        doc.handling.dispatch(new DispatchDecision("REPB", h.id(), "repb-mgr", null, "OTHER", Severity.GENERAL, null,
                Set.of(), false, "test"), clock.instant());
        cases.save(doc, List.of());
        clock.advance(Duration.ofMinutes(5));
        reconciler.reconcile();

        assertThat(organisation.holdersOf(n)).extracting(Handler::id).containsExactly(h.id());
        assertThat(open(h.id())).isEqualTo(1);
    }

    @Test
    void a_complaint_missing_from_its_handlers_workload_is_put_back() {
        String n = newNumber();
        publish(Topics.INTAKE, n, Events.received(n, "收银台排队太久"));
        awaitCase(n, d -> d.handling.content() != null);
        publish(Topics.TRIAGE, n, Events.triaged("PRODUCT_QUALITY", Severity.GENERAL));
        String handler = awaitCase(n, d -> d.handling.status() == HandlingStatus.DISPATCHED).handling.handler();
        int before = open(handler);
        organisation.removeFromWorkload(handler, n);

        reconciler.reconcile();
        clock.advance(Duration.ofMinutes(2));
        reconciler.reconcile();

        assertThat(organisation.holdersOf(n)).extracting(Handler::id).containsExactly(handler);
        assertThat(open(handler)).isEqualTo(before);
    }

    @Test
    void a_retried_assignment_reuses_the_claim_an_earlier_attempt_left_instead_of_leaving_it_behind() {
        department("REPC");
        assertThat(put("/api/v1/organisation/handlers/repc-h2", ADMIN,
                "{\"name\":\"Second REPC\",\"department\":\"REPC\",\"duty\":{\"alwaysOnDuty\":true}}").status()).isEqualTo(200);
        String n = newNumber();
        Handler first = assigner.claim(n, "REPC", null, null, Set.of(), null, clock.instant()).orElseThrow();

        Handler again = assigner.claim(n, "REPC", null, null, Set.of(), null, clock.instant()).orElseThrow();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(organisation.holdersOf(n)).hasSize(1);
        assertThat(organisation.handlers("REPC").stream().mapToInt(Handler::openCases).sum()).isEqualTo(1);
    }
}
