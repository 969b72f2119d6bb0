package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.model.ComplaintStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentStatusesTest {

    static ComplaintStatusDocument row(String number, long version, ComplaintStatus status, String... processed) {
        ComplaintStatusDocument d = new ComplaintStatusDocument();
        d.number = number;
        d.status = status;
        d.setVersion(version);
        d.setProcessedEvents(new ArrayList<>(List.of(processed)));
        return d;
    }

    @Test
    void what_is_given_out_is_a_copy_and_what_was_put_in_is_copied_too() {
        RecentStatuses recent = new RecentStatuses(10);
        ComplaintStatusDocument written = row("C-1", 3, ComplaintStatus.ACCEPTED, "e-1");
        recent.written(written);
        written.status = ComplaintStatus.CLOSED; // the writer's object changes afterwards
        written.getProcessedEvents().add("e-2");

        ComplaintStatusDocument first = recent.get("C-1").orElseThrow();
        assertThat(first.status).isEqualTo(ComplaintStatus.ACCEPTED);
        assertThat(first.getProcessedEvents()).containsExactly("e-1");
        assertThat(first.getVersion()).isEqualTo(3L);
        first.markProcessed(java.util.UUID.randomUUID()); // a projection marks its event on what it got
        first.status = ComplaintStatus.DISPATCHED;

        ComplaintStatusDocument second = recent.get("C-1").orElseThrow();
        assertThat(second.status).isEqualTo(ComplaintStatus.ACCEPTED);
        assertThat(second.getProcessedEvents()).containsExactly("e-1");
    }

    @Test
    void an_older_version_written_late_does_not_replace_a_newer_one() {
        RecentStatuses recent = new RecentStatuses(10);
        recent.written(row("C-1", 5, ComplaintStatus.DISPATCHED));
        recent.written(row("C-1", 4, ComplaintStatus.ACCEPTED));
        assertThat(recent.get("C-1").orElseThrow().getVersion()).isEqualTo(5L);
        recent.written(row("C-1", 6, ComplaintStatus.INVESTIGATING));
        assertThat(recent.get("C-1").orElseThrow().status).isEqualTo(ComplaintStatus.INVESTIGATING);
    }

    @Test
    void it_keeps_the_most_recently_used_complaints_up_to_its_capacity_and_forgets_on_request() {
        RecentStatuses recent = new RecentStatuses(2);
        recent.written(row("C-1", 0, ComplaintStatus.RECEIVED));
        recent.written(row("C-2", 0, ComplaintStatus.RECEIVED));
        recent.get("C-1"); // used: C-2 is now the eldest
        recent.written(row("C-3", 0, ComplaintStatus.RECEIVED));
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get("C-1")).isPresent();
        assertThat(recent.get("C-2")).isEmpty();
        assertThat(recent.get("C-3")).isPresent();

        recent.forget("C-3");
        assertThat(recent.get("C-3")).isEmpty();
    }

    @Test
    void capacity_zero_remembers_nothing() {
        RecentStatuses off = new RecentStatuses(0);
        off.written(row("C-1", 1, ComplaintStatus.ACCEPTED));
        assertThat(off.get("C-1")).isEmpty();
        assertThat(off.size()).isZero();
    }
}
