package com.complaintdesk.kit.outbox;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxKeepingUpdateTest {

    static final List<String> FIELDS = List.of("_id", "status", "note", "outbox", "outboxPending", "processedEvents", "version");

    static Document event(String id, long storedVersion) {
        return new Document("outboxId", id).append("storedVersion", storedVersion);
    }

    @Test
    void it_sets_every_written_field_but_the_relays_part_and_unsets_what_is_not_written() {
        Document written = new Document("_id", "C-1").append("status", "OPEN").append("outbox", List.of())
                .append("outboxPending", false).append("processedEvents", List.of("e-1")).append("version", 4L);

        Document update = OutboxKeepingUpdate.of(written, 4L, FIELDS);

        assertThat(update.get("$set", Document.class)).containsOnlyKeys("status", "processedEvents", "version");
        assertThat(update.get("$unset", Document.class)).containsOnlyKeys("note");
        assertThat(update).doesNotContainKey("$push");
        assertThat(OutboxKeepingUpdate.addsEvents(update)).isFalse();
    }

    @Test
    void only_the_events_of_this_save_are_pushed_and_the_document_is_pending_again_without_the_relays_lease() {
        // the loaded outbox still holds an event of the previous version (the relay may have sent it meanwhile)
        Document written = new Document("_id", "C-1").append("status", "OPEN").append("note", "n")
                .append("outbox", List.of(event("old", 3L), event("new", 4L))).append("outboxPending", true)
                .append("version", 4L).append("outboxLeaseUntil", new java.util.Date());

        Document update = OutboxKeepingUpdate.of(written, 4L, FIELDS);

        assertThat(update.get("$push", Document.class).get("outbox", Document.class).getList("$each", Document.class))
                .extracting(e -> e.getString("outboxId")).containsExactly("new");
        assertThat(update.get("$set", Document.class)).containsEntry("outboxPending", true)
                .doesNotContainKeys("outbox", "outboxLeaseUntil", "_id");
        assertThat(update.get("$unset", Document.class)).containsOnlyKeys("processedEvents", "outboxLeaseUntil", "outboxLeaseOwner");
        assertThat(OutboxKeepingUpdate.addsEvents(update)).isTrue();
    }
}
