package com.complaintdesk.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;

/**
 * Consumer records as the outbox relay writes them, for listener tests: the envelope's type in the record header
 * {@value #TYPE_HEADER} (the kit's {@code EventCodec.TYPE_HEADER}; service-kit's EventCodecTest checks the two agree), or
 * without the header, as records written before it existed.
 */
public final class TypedRecords {

    public static final String TYPE_HEADER = "eventType";

    private TypedRecords() {
    }

    /** A record of {@code topic} keyed by the complaint, with the type header unless {@code type} is null. */
    public static ConsumerRecord<String, String> record(String topic, String complaintId, String value, String type) {
        var r = new ConsumerRecord<>(topic, 0, 0L, complaintId, value);
        if (type != null) {
            r.headers().add(new RecordHeader(TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }
}
