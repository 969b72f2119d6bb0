package com.complaintdesk.kit.outbox;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDocumentsTest {

    static Document stored(long version) {
        return new Document("_id", "C-1").append("status", "OPEN")
                .append("processedEvents", new ArrayList<>(List.of("e-1")))
                .append("outbox", List.of(new Document("outboxId", "x"))).append("outboxPending", true)
                .append("outboxLeaseUntil", new java.util.Date()).append("outboxLeaseOwner", "relay-1")
                .append("version", version);
    }

    @Test
    void a_remembered_document_has_no_relay_part_and_nothing_a_caller_changes_is_remembered() {
        RecentDocuments recent = new RecentDocuments(10);
        Document saved = stored(3);
        recent.written("C-1", 3, saved);
        saved.put("status", "CHANGED AFTER THE SAVE");
        saved.getList("processedEvents", String.class).add("e-2");

        Document first = recent.get("C-1").orElseThrow();
        assertThat(first).doesNotContainKeys("outbox", "outboxPending", "outboxLeaseUntil", "outboxLeaseOwner");
        assertThat(first.getString("status")).isEqualTo("OPEN");
        assertThat(first.getList("processedEvents", String.class)).containsExactly("e-1");
        first.put("status", "CHANGED BY THE CALLER");

        assertThat(recent.get("C-1").orElseThrow().getString("status")).isEqualTo("OPEN");
        assertThat(saved).containsKey("outbox"); // the saved document itself is left as it was
    }

    @Test
    void the_newest_version_stays_and_zero_remembers_nothing() {
        RecentDocuments recent = new RecentDocuments(10);
        recent.written("C-1", 5, stored(5));
        recent.written("C-1", 4, stored(4));
        assertThat(recent.get("C-1").orElseThrow().getLong("version")).isEqualTo(5L);
        recent.forget("C-1");
        assertThat(recent.get("C-1")).isEmpty();

        RecentDocuments off = new RecentDocuments(0);
        off.written("C-1", 1, stored(1));
        assertThat(off.get("C-1")).isEmpty();
    }
}
