package com.complaintdesk.kit.outbox;

import java.util.List;

/** The MongoDB collections whose documents carry an outbox. Each service declares its own as a bean. */
public record OutboxCollections(List<String> names) {
    public static OutboxCollections of(String... names) {
        return new OutboxCollections(List.of(names));
    }
}
