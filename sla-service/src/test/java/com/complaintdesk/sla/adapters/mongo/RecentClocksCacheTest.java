package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.outbox.OutboxEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecentClocks} alone: copies in and out, no outbox, off at 0 (the kit's {@code RecentWritesTest} covers the
 * bound, the newest version and forgetting).
 */
class RecentClocksCacheTest {

    static SlaDocument saved(String id, long version) {
        SlaDocument d = SlaDocumentMappingTest.bare();
        d.id = id;
        d.correlationId = "corr-" + version;
        d.markProcessed(UUID.randomUUID());
        d.setVersion(version);
        return d;
    }

    @Test
    void what_is_given_out_is_a_copy_and_changing_it_or_the_saved_bson_changes_nothing_remembered() {
        RecentClocks recent = new RecentClocks(10);
        SlaDocument d = saved("C-1", 3);
        Document stored = SlaDocumentMapping.write(d);
        recent.saved("C-1", 3, stored);
        stored.put("correlationId", "changed after the save");

        SlaDocument first = recent.get("C-1");
        first.correlationId = "changed by the caller";
        first.markProcessed(UUID.randomUUID());
        first.getProcessedEvents().clear();

        SlaDocument second = recent.get("C-1");
        assertThat(second).isNotSameAs(first);
        assertThat(second.correlationId).isEqualTo("corr-3");
        assertThat(second.getProcessedEvents()).isEqualTo(d.getProcessedEvents());
        assertThat(second.getVersion()).isEqualTo(3L);
    }

    @Test
    void the_outbox_is_not_remembered() {
        RecentClocks recent = new RecentClocks(10);
        SlaDocument d = saved("C-1", 0);
        d.getOutbox().add(new OutboxEvent("e1@" + Topics.SLA, "e1", "SlaClockStarted", Topics.SLA, "C-1", "{}", 0L));
        d.setOutboxPending(true);
        recent.saved("C-1", 0, SlaDocumentMapping.write(d));

        SlaDocument got = recent.get("C-1");
        assertThat(got.getOutbox()).isEmpty();
        assertThat(got.isOutboxPending()).isFalse();
        assertThat(got.getProcessedEvents()).isEqualTo(d.getProcessedEvents());
    }

    @Test
    void zero_remembers_nothing() {
        RecentClocks off = new RecentClocks(0);
        off.saved("C-a", 0, SlaDocumentMapping.write(saved("C-a", 0)));
        assertThat(off.get("C-a")).isNull();
    }
}
