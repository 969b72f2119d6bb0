package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceAdded;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.events.SlaEvents.SeverityUpgradeRequested;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.domain.model.TriageStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Received → decided and classified → published on the triage topic, through the real Kafka and Mongo wiring. */
class TriageFlowTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void a_received_complaint_is_accepted_then_triaged_in_that_order_keyed_by_its_number() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, "买的羽绒服洗一次就跑绒,如果今天不解决我就把视频发到抖音上。",
                    ComplainantType.CONSUMER, "k-" + number, "2F 服装区", null, List.of(), 0));

            List<ConsumerRecord<String, String>> triaged = probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);
            List<ConsumerRecord<String, String>> mine = probe.records().stream().filter(r -> number.equals(r.key())).toList();
            assertThat(mine).extracting(r -> json.readTree(r.value()).get("type").asString())
                    .containsExactly("ComplaintAccepted", "ComplaintTriaged");
            var p = payload(triaged.get(0));
            assertThat(p.get("category").asString()).isEqualTo("PRODUCT_QUALITY");
            assertThat(p.get("severity").asString()).isEqualTo("MAJOR");
            assertThat(p.get("flags").toString()).contains("MEDIA");
            assertThat(p.get("reasons").toString()).contains("抖音");
            assertThat(p.get("subject").asString()).isEqualTo("2F 服装区");
        }
    }

    @Test
    void a_redelivered_received_event_changes_nothing_and_publishes_nothing_new() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            var envelope = publish(number, received(number, "收银员态度非常恶劣。", ComplainantType.CONSUMER,
                    "k-" + number, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);
            long version = mongo.findById(number, TriageCaseDocument.class).getVersion();

            send(Topics.INTAKE, envelope);
            // a later complaint on the same partition proves the redelivery was consumed
            String marker = newNumber();
            publish(marker, received(marker, "停车场太黑了。", ComplainantType.CONSUMER, "k-" + marker, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(marker, "ComplaintTriaged"), 1, WAIT);

            assertThat(probe.records().stream().filter(EventProbe.ofType(number, "ComplaintTriaged"))).hasSize(1);
            assertThat(mongo.findById(number, TriageCaseDocument.class).getVersion()).isEqualTo(version);
        }
    }

    @Test
    void an_exchange_without_evidence_waits_for_documents_and_evidence_resumes_it() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, "上周买的电饭煲用了两次就不能加热了,要求换货。", ComplainantType.CONSUMER,
                    "k-" + number, "3F 家电区", new BigDecimal("398"), List.of(RemedyKind.EXCHANGE), 0));
            var waiting = probe.await(EventProbe.ofType(number, "AwaitingDocuments"), 1, WAIT).get(0);
            assertThat(payload(waiting).get("missingDocuments").toString()).contains("receipt or invoice");
            assertThat(payload(waiting).get("reason").asString()).contains("凭证").contains("receipt");
            assertThat(probe.records().stream().filter(EventProbe.ofType(number, "ComplaintAccepted"))).isEmpty();

            publish(number, new EvidenceAdded(new EvidenceRef("E-1", "receipt.jpg", "image/jpeg", 2048), 1, "complainant"));

            probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);
            List<String> types = probe.records().stream().filter(r -> number.equals(r.key()))
                    .map(r -> json.readTree(r.value()).get("type").asString()).toList();
            assertThat(types).containsExactly("AwaitingDocuments", "ComplaintAccepted", "ComplaintTriaged");
        }
    }

    @Test
    void the_one_month_upgrade_request_from_sla_reclassifies_as_major_once() throws Exception {
        String number = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            publish(number, received(number, "卫生间长期没有纸巾,洗手台也很脏。", ComplainantType.CONSUMER,
                    "k-" + number, null, null, List.of(), 0));
            probe.await(EventProbe.ofType(number, "ComplaintTriaged"), 1, WAIT);

            var upgrade = EventEnvelope.of(new SeverityUpgradeRequested(Severity.MAJOR, "liable and unresolved after one month"),
                    number, Instant.now(), UUID.randomUUID().toString(), "sla-service");
            send(Topics.SLA, upgrade);
            send(Topics.SLA, upgrade); // redelivered

            var re = probe.await(EventProbe.ofType(number, "ComplaintReclassified"), 1, WAIT).get(0);
            assertThat(payload(re).get("severity").asString()).isEqualTo("MAJOR");
            assertThat(payload(re).get("correctedBy").asString()).isEqualTo("sla-service");
            await().atMost(WAIT).until(() -> mongo.findById(number, TriageCaseDocument.class).getProcessedEvents().size() >= 2);
            Thread.sleep(300);
            assertThat(probe.records().stream().filter(EventProbe.ofType(number, "ComplaintReclassified"))).hasSize(1);
        }
    }

    @Test
    void the_fifth_complainant_on_the_same_matter_opens_one_collective_case_and_upgrades_the_first_four() throws Exception {
        String subject = "B1 停车场 " + UUID.randomUUID().toString().substring(0, 6);
        String[] texts = {
                "负一层停车场的灯坏了一半,晚上特别黑,地面还有积水。",
                "停车场负一层灯坏了很多,特别黑,地上有积水。",
                "负一层停车场灯坏了,太黑了,还有积水。",
                "停车场的灯坏了一半,晚上很黑,地面积水。",
                "负一层停车场灯坏了一半,特别黑,地面有积水,很危险。"};
        List<String> numbers = new ArrayList<>();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            for (int i = 0; i < 5; i++) {
                String n = newNumber();
                numbers.add(n);
                publish(n, received(n, texts[i], ComplainantType.CONSUMER, "person-" + i + "-" + subject, subject, null, List.of(), 0));
                probe.await(EventProbe.ofType(n, "ComplaintTriaged"), 1, WAIT);
            }
            String fifth = numbers.get(4);
            var triaged = payload(probe.await(EventProbe.ofType(fifth, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(triaged.get("flags").toString()).contains("COLLECTIVE");
            assertThat(triaged.get("severity").asString()).isEqualTo("MAJOR");
            String caseId = triaged.get("collectiveCaseId").asString();
            assertThat(caseId).isEqualTo("CC-" + numbers.stream().sorted().findFirst().orElseThrow());

            var opened = probe.await(r -> r.value().contains("\"type\":\"CollectiveCaseOpened\"") && r.value().contains(caseId), 1, WAIT);
            assertThat(payload(opened.get(0)).get("memberComplaints")).hasSize(5);
            for (String earlier : numbers.subList(0, 4)) {
                var re = payload(probe.await(EventProbe.ofType(earlier, "ComplaintReclassified"), 1, WAIT).get(0));
                assertThat(re.get("severity").asString()).isEqualTo("MAJOR");
                assertThat(re.get("flags").toString()).contains("COLLECTIVE");
            }
            for (String n : numbers.subList(0, 4)) {
                assertThat(payload(probe.await(EventProbe.ofType(n, "ComplaintTriaged"), 1, WAIT).get(0)).get("flags").toString())
                        .doesNotContain("COLLECTIVE");
            }
            Thread.sleep(300);
            assertThat(probe.records().stream().filter(r -> r.value().contains("\"type\":\"CollectiveCaseOpened\"")
                    && r.value().contains(caseId))).hasSize(1);
        }
    }

    @Test
    void a_complaint_from_someone_with_two_unresolved_complaints_on_the_same_matter_is_repeated_and_major() throws Exception {
        String contact = "k-" + UUID.randomUUID();
        String subject = "3F 空调 " + UUID.randomUUID().toString().substring(0, 6);
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            String last = null;
            for (int i = 0; i < 3; i++) {
                last = newNumber();
                publish(last, received(last, "三楼的空调一直不制冷,太热了。", ComplainantType.CONSUMER, contact, subject, null, List.of(), 0));
                probe.await(EventProbe.ofType(last, "ComplaintTriaged"), 1, WAIT);
            }
            var p = payload(probe.await(EventProbe.ofType(last, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(p.get("flags").toString()).contains("REPEATED");
            assertThat(p.get("severity").asString()).isEqualTo("MAJOR");
            assertThat(mongo.findById(last, TriageCaseDocument.class).status).isEqualTo(TriageStatus.TRIAGED);
        }
    }

    @Test
    void an_empty_complaint_is_rejected_with_a_reason_and_a_poison_record_does_not_block_the_partition() throws Exception {
        String empty = newNumber();
        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE, Topics.deadLetter(Topics.INTAKE))) {
            kafka.send(Topics.INTAKE, empty, "{not json at all").get();
            publish(empty, received(empty, " \u0000 😡 ", ComplainantType.CONSUMER, "k-" + empty, null, null, List.of(), 0));

            var rejected = payload(probe.await(EventProbe.ofType(empty, "ComplaintRejected"), 1, WAIT).get(0));
            assertThat(rejected.get("reasonCode").asString()).isEqualTo("EMPTY_CONTENT");
            assertThat(rejected.get("reason").asString()).contains("请").contains("please");
            probe.await(r -> r.topic().equals(Topics.deadLetter(Topics.INTAKE)) && empty.equals(r.key()), 1, WAIT);
        }
    }
}
