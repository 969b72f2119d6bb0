package com.complaintdesk.contracts.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The wire type name of every payload, and the reverse look-up a consumer needs. */
public final class EventTypes {
    private EventTypes() {
    }

    private static final Map<String, Class<? extends ComplaintEvent>> BY_NAME;

    static {
        Map<String, Class<? extends ComplaintEvent>> m = new LinkedHashMap<>();
        for (Class<?> holder : new Class<?>[]{IntakeEvents.class, TriageEvents.class, DispatchEvents.class,
                SlaEvents.class, FollowupEvents.class, ReportingEvents.class}) {
            for (Class<?> c : holder.getDeclaredClasses()) {
                if (ComplaintEvent.class.isAssignableFrom(c)) {
                    @SuppressWarnings("unchecked")
                    Class<? extends ComplaintEvent> ec = (Class<? extends ComplaintEvent>) c;
                    m.put(c.getSimpleName(), ec);
                }
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    public static String nameOf(Class<?> payloadType) {
        return payloadType.getSimpleName();
    }

    public static Optional<Class<? extends ComplaintEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, Class<? extends ComplaintEvent>> all() {
        return BY_NAME;
    }
}
