package com.complaintdesk.dispatch.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.support.DispatchIntegrationTest;
import com.complaintdesk.dispatch.support.Events;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

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
}
