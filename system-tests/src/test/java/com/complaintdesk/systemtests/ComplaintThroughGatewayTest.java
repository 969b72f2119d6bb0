package com.complaintdesk.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, started the way deploy/run-local.sh starts it (real Kafka broker, Mongo-wire store, the seven
 * services from their runnable jars), driven through the gateway only.
 */
@ExtendWith(WholeSystem.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ComplaintThroughGatewayTest {

    @Test
    void givenTheRunningSystem_whenAFrontEndRegistersAComplaint_thenItIsAcceptedTriagedDispatchedClockedAndInTheLedger(
            RunningSystem system) {
        ComplaintJourney.run(system);
    }

    @Test
    void givenNoApiKey_whenAComplaintIsPosted_thenTheGatewayAnswers401ProblemJson(RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());

        Gateway.Reply reply = gateway.post("/api/v1/complaints", ComplaintJourney.complaint("13800138000"), Map.of());

        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenOnlyAChannelKey_whenTheLedgerIsRead_thenRefusedBecauseTheLedgerIsForStaff(RunningSystem system) {
        Gateway gateway = new Gateway(system.gateway());

        Gateway.Reply reply = gateway.get("/api/v1/ledger/C-20261128-000001", Map.of("X-Api-Key", Gateway.API_KEY));

        assertThat(reply.status()).as("%s", reply).isIn(401, 403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
