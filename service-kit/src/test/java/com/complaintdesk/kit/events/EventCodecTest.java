package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintUrged;
import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    // a strict application mapper, as the services configure for HTTP bodies
    final EventCodec codec = new EventCodec(JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

    @Test
    void an_envelope_survives_the_round_trip() {
        var env = EventEnvelope.of(new ComplaintUrged(2, "催一下"), "C-20261128-000001", Instant.parse("2026-11-28T01:00:00Z"), "c1", "intake-service");

        var back = codec.decode(codec.encode(env));

        assertThat(back).isEqualTo(env);
    }

    @Test
    void an_event_from_a_newer_producer_with_extra_fields_is_still_read() {
        String newer = """
                {"eventId":"7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00","type":"ComplaintUrged","schemaVersion":1,
                 "occurredAt":"2026-11-28T01:00:00Z","complaintId":"C-20261128-000001","correlationId":"c","producer":"p",
                 "traceParent":"00-abc","payload":{"urgeCount":3,"message":"m","channel":"APP"}}""";

        var env = codec.decode(newer);

        assertThat(((ComplaintUrged) env.payload()).urgeCount()).isEqualTo(3);
    }

    @Test
    void unreadable_records_are_poison_not_retried() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"NoSuchEvent\",\"payload\":{}}")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ComplaintUrged\",\"eventId\":\"x\",\"payload\":{}}"))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void a_complaint_with_every_kind_of_field_survives_the_round_trip() {
        var received = new ComplaintReceived("C-20261128-000002", Channel.APP,
                new Complainant("张三", "13800000000", null, ComplainantType.CONSUMER, "ck"), "屏幕碎了 \"引号\" {not json}",
                "手机", Instant.parse("2026-11-27T08:00:00Z"), Instant.parse("2026-11-28T01:00:00.123456Z"),
                new Money(new BigDecimal("30000.00"), "CNY"), List.of(RemedyKind.REFUND, RemedyKind.APOLOGY),
                LocalDate.parse("2026-12-01"), List.of(new EvidenceRef("E-1", "a.png", "image/png", 1234)), "web",
                true, Instant.parse("2026-11-28T09:00:00Z"));
        var env = EventEnvelope.of(received, "C-20261128-000002", Instant.parse("2026-11-28T01:00:00Z"), "c2", "intake-service");

        var back = codec.decode(codec.encode(env));

        // equal as records: the amount with its scale too (BigDecimal.equals), 30000.00 and not 30000.0
        assertThat(back).isEqualTo(env);
    }

    @Test
    void an_amount_from_another_producer_keeps_its_scale() {
        // 30000.00 CNY is shown as written: the ledger and its CSV print what the complainant claimed
        String withAmount = """
                {"eventId":"7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00","type":"ComplaintReceived","schemaVersion":1,
                 "occurredAt":"2026-11-28T01:00:00Z","complaintId":"C-20261128-000001",
                 "payload":{"outOfHours":false,"claimedAmount":{"amount":30000.00,"currency":"CNY"}}}""";
        var received = (ComplaintReceived) codec.decode(withAmount).payload();
        assertThat(received.claimedAmount().amount().toPlainString()).isEqualTo("30000.00");
        assertThat(received.claimedAmount().amount().scale()).isEqualTo(2);
    }

    @Test
    void the_fields_may_come_in_any_order_and_unknown_ones_of_any_shape_are_skipped() {
        String payloadFirst = """
                {"payload":{"urgeCount":4,"message":"m","extra":{"a":[1,{"b":null}]}},"extra":[{"x":1},2,"three"],
                 "producer":"p","complaintId":"C-20261128-000001","occurredAt":"2026-11-28T01:00:00Z",
                 "schemaVersion":2,"type":"ComplaintUrged","eventId":"7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00"}""";

        var env = codec.decode(payloadFirst);

        assertThat(env.type()).isEqualTo("ComplaintUrged");
        assertThat(env.schemaVersion()).isEqualTo(2);
        assertThat(env.correlationId()).isNull();
        assertThat(env.producer()).isEqualTo("p");
        assertThat(((ComplaintUrged) env.payload()).urgeCount()).isEqualTo(4);
    }

    @Test
    void an_envelope_missing_a_required_part_or_followed_by_more_text_is_poison() {
        String ok = """
                {"eventId":"7a1f3c7e-9a51-4a43-9c65-2b1a1d7c0f00","type":"ComplaintUrged","occurredAt":"2026-11-28T01:00:00Z",
                 "complaintId":"C-20261128-000001","payload":{"urgeCount":1}}""";
        assertThat(codec.decode(ok).schemaVersion()).isEqualTo(1);
        assertThatThrownBy(() -> codec.decode(ok + " {}")).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode(ok.replace(",\"payload\":{\"urgeCount\":1}", "")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> codec.decode(ok.replace("{\"urgeCount\":1}", "[1]")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> codec.decode(ok.replace("\"type\":\"ComplaintUrged\",", "")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> codec.decode(ok.replace("\"complaintId\":\"C-20261128-000001\"", "\"complaintId\":\" \"")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("complaintId");
        assertThatThrownBy(() -> codec.decode(ok.replace("2026-11-28T01:00:00Z", "yesterday")))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode(ok.substring(0, ok.length() - 3))).isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> codec.decode("[]")).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void the_listener_tests_write_the_type_header_the_codec_reads() {
        var r = com.complaintdesk.testsupport.TypedRecords.record("complaints.sla", "C-1", "not json", "SlaWarning");
        assertThat(codec.typeOf(r)).isEqualTo("SlaWarning");
    }

    @Test
    void the_type_comes_from_the_header_and_a_record_without_it_from_its_value() {
        String json = codec.encode(EventEnvelope.of(new ComplaintUrged(1, "m"), "C-1", Instant.parse("2026-11-28T01:00:00Z"), "c", "p"));
        var withoutHeader = new ConsumerRecord<>("complaints.intake", 0, 0L, "C-1", json);
        assertThat(codec.typeOf(withoutHeader)).isEqualTo("ComplaintUrged");

        var withHeader = new ConsumerRecord<>("complaints.intake", 0, 1L, "C-1", "not even json");
        withHeader.headers().add(new RecordHeader(EventCodec.TYPE_HEADER, "ComplaintUrged".getBytes(StandardCharsets.UTF_8)));
        assertThat(codec.typeOf(withHeader)).isEqualTo("ComplaintUrged");

        assertThat(codec.typeOf(new ConsumerRecord<>("t", 0, 2L, "k", "not json"))).isNull();
        assertThat(codec.typeOf(new ConsumerRecord<String, String>("t", 0, 3L, "k", null))).isNull();
        assertThat(codec.typeOf("{\"payload\":{\"type\":\"Inner\"},\"type\":\"Outer\"}")).isEqualTo("Outer");
    }
}
