package com.complaintdesk.dispatch.adapters.kafka;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventTypes;
import com.complaintdesk.kit.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Set;

/**
 * The event types a listener acts on. Any other known type is skipped on the record's type header alone (or, for a
 * record without it, the envelope's {@code type}, read by a streaming parser), before the event is decoded; a record
 * whose type is unknown or unreadable is decoded as before, so it still goes to the dead-letter topic.
 */
record HandledTypes(Set<Class<? extends ComplaintEvent>> types) {

    @SafeVarargs
    static HandledTypes of(Class<? extends ComplaintEvent>... types) {
        return new HandledTypes(Set.of(types));
    }

    boolean ignores(EventCodec codec, ConsumerRecord<String, String> record) {
        String type = codec.typeOf(record);
        var known = type == null ? null : EventTypes.classOf(type).orElse(null);
        return known != null && !types.contains(known);
    }
}
