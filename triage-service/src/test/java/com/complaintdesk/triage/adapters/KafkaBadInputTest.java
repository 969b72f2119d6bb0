package com.complaintdesk.triage.adapters;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.testsupport.EventProbe;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, bad input on the consumer path: whatever text a channel sends, the received event is decided (classified
 * or rejected with a reason the complainant can read) and the partition moves on — all keyed to one complaint number
 * so every record lands on the same partition, and a plain complaint sent last is still triaged.
 */
class KafkaBadInputTest extends TriageSpringTest {

    static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void odd_texts_on_one_partition_are_each_decided_and_the_next_complaint_still_flows() throws Exception {
        String huge = ("电梯门夹伤了我的手 the escalator hurt my hand \u0000\u0007 😡🔥 ").repeat(2_500); // ~100k chars
        assertThat(huge.length()).isGreaterThanOrEqualTo(100_000);
        String controlOnly = "\u0000\u0001\u0002\u0007\u001b\u007f";
        String whitespace = " \t\n\u3000\u00a0 ";
        String emojiOnly = "😡😡😡👎👎🙄";
        String mixed = "店員態度超差😡!!ｒｕｄｅ staff at 3Ｆ, она кричала на меня, 고객 무시, 退錢!!!";
        String lonelySurrogate = "服务员态度差\uD83D";

        try (var probe = new EventProbe(TestInfrastructure.kafkaBootstrapServers(), Topics.TRIAGE)) {
            String nHuge = newNumber();
            String nControl = nHuge + "-c";
            String nBlank = nHuge + "-w";
            String nEmoji = nHuge + "-e";
            String nMixed = nHuge + "-m";
            String nSurrogate = nHuge + "-s";
            String nNull = nHuge + "-n";
            String nPlain = nHuge + "-p";
            String nBare = nHuge + "-b";
            // the same Kafka key puts them on one partition; each envelope names its own complaint
            publishOnKey(nHuge, nHuge, huge);
            publishOnKey(nHuge, nControl, controlOnly);
            publishOnKey(nHuge, nBlank, whitespace);
            publishOnKey(nHuge, nEmoji, emojiOnly);
            publishOnKey(nHuge, nMixed, mixed);
            publishOnKey(nHuge, nSurrogate, lonelySurrogate);
            publishOnKey(nHuge, nNull, null);
            // a registration event with nothing but a number and text: no channel, no complainant, no times, null remedy
            java.util.List<com.complaintdesk.contracts.model.RemedyKind> remedies = new java.util.ArrayList<>();
            remedies.add(null);
            var bare = new com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived(nBare, null, null,
                    "保安推搡我还骂人", null, null, null, null, remedies, null, null, null, false, null);
            kafka.send(Topics.INTAKE, nHuge, codec.encode(com.complaintdesk.contracts.events.EventEnvelope
                    .<com.complaintdesk.contracts.events.ComplaintEvent>of(bare, nBare, java.time.Instant.now(), "corr", "intake-service"))).get();
            publishOnKey(nHuge, nPlain, "收银员多收了我二十块钱,还不承认。");

            var plain = payload(probe.await(EventProbe.ofType(nPlain, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(plain.get("category").asString()).isEqualTo("BILLING_REFUND");

            var hugeTriaged = payload(probe.await(EventProbe.ofType(nHuge, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(hugeTriaged.get("severity").asString()).isEqualTo("MAJOR");
            assertThat(hugeTriaged.get("flags").toString()).contains("PERSONAL_INJURY");

            var bareTriaged = payload(probe.await(EventProbe.ofType(nBare, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(bareTriaged.get("category").asString()).isEqualTo("STAFF_CONDUCT");

            var mixedTriaged = payload(probe.await(EventProbe.ofType(nMixed, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(mixedTriaged.get("category").asString()).isEqualTo("SERVICE_ATTITUDE");
            var surrogate = payload(probe.await(EventProbe.ofType(nSurrogate, "ComplaintTriaged"), 1, WAIT).get(0));
            assertThat(surrogate.get("category").asString()).isEqualTo("SERVICE_ATTITUDE");

            for (String n : List.of(nControl, nBlank, nEmoji, nNull)) {
                var rejected = payload(probe.await(EventProbe.ofType(n, "ComplaintRejected"), 1, WAIT).get(0));
                assertThat(rejected.get("reasonCode").asString()).as(n).isEqualTo("EMPTY_CONTENT");
                assertThat(rejected.get("reason").asString()).contains("投诉内容为空").contains("no content");
            }
            // the stored complaint keeps what was sent; only the analysis reads a bounded prefix
            assertThat(mongo.findById(nHuge, TriageCaseDocument.class).state.facts().content()).hasSize(huge.length());
        }
    }

    private void publishOnKey(String kafkaKey, String number, String content) throws Exception {
        var envelope = com.complaintdesk.contracts.events.EventEnvelope.<com.complaintdesk.contracts.events.ComplaintEvent>of(
                received(number, content, ComplainantType.CONSUMER, "k-" + number, null, null, List.of(), 0),
                number, java.time.Instant.now(), java.util.UUID.randomUUID().toString(), "intake-service");
        kafka.send(Topics.INTAKE, kafkaKey, codec.encode(envelope)).get();
    }
}
