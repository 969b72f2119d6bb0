package com.complaintdesk.kit.events;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Set;

/**
 * The event types a listener acts on. Any other known type is skipped on the record's type header alone (or, for a
 * record without it, the envelope's {@code type}, read by a streaming parser: {@link EventCodec#typeOf}), before the
 * event is decoded; a record whose type is unknown or unreadable is not "ignored", so the listener decodes it and it
 * goes to the dead-letter topic as before.
 */
public record HandledTypes(Set<Class<? extends ComplaintEvent>> types) {

    @SafeVarargs
    public static HandledTypes of(Class<? extends ComplaintEvent>... types) {
        return new HandledTypes(Set.of(types));
    }

    /** True when the record is of a known type this listener does not act on: skip it without decoding. */
    public boolean ignores(EventCodec codec, ConsumerRecord<String, String> record) {
        String type = codec.typeOf(record);
        var known = type == null ? null : EventTypes.classOf(type).orElse(null);
        return known != null && !types.contains(known);
    }
}
