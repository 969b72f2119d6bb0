package com.complaintdesk.kit.mongo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentWritesTest {

    /** A mutable document, as the services' are. */
    static final class Doc {
        long version;
        String status;
        List<String> processed = new ArrayList<>();

        Doc(long version, String status, String... processed) {
            this.version = version;
            this.status = status;
            this.processed.addAll(List.of(processed));
        }

        Doc copy() {
            return new Doc(version, status, processed.toArray(String[]::new));
        }
    }

    static RecentWrites<Doc> recent(int capacity) {
        return new RecentWrites<>(capacity, Doc::copy, d -> d.version);
    }

    @Test
    void what_is_given_out_is_a_copy_and_what_was_put_in_is_copied_too() {
        RecentWrites<Doc> recent = recent(10);
        Doc written = new Doc(3, "ACCEPTED", "e-1");
        recent.written("C-1", written);
        written.status = "CLOSED"; // the writer's object changes afterwards
        written.processed.add("e-2");

        Doc first = recent.get("C-1").orElseThrow();
        assertThat(first.status).isEqualTo("ACCEPTED");
        assertThat(first.processed).containsExactly("e-1");
        assertThat(first.version).isEqualTo(3);
        first.processed.add("e-3"); // a caller works on what it got
        first.status = "DISPATCHED";

        Doc second = recent.get("C-1").orElseThrow();
        assertThat(second.status).isEqualTo("ACCEPTED");
        assertThat(second.processed).containsExactly("e-1");
    }

    @Test
    void an_older_version_written_late_does_not_replace_a_newer_one() {
        RecentWrites<Doc> recent = recent(10);
        recent.written("C-1", new Doc(5, "DISPATCHED"));
        recent.written("C-1", new Doc(4, "ACCEPTED"));
        assertThat(recent.get("C-1").orElseThrow().version).isEqualTo(5);
        recent.written("C-1", new Doc(6, "INVESTIGATING"));
        assertThat(recent.get("C-1").orElseThrow().status).isEqualTo("INVESTIGATING");
    }

    @Test
    void it_keeps_the_most_recently_used_keys_up_to_its_capacity_and_forgets_on_request() {
        RecentWrites<Doc> recent = recent(2);
        recent.written("C-1", new Doc(0, "RECEIVED"));
        recent.written("C-2", new Doc(0, "RECEIVED"));
        recent.get("C-1"); // used: C-2 is now the eldest
        recent.written("C-3", new Doc(0, "RECEIVED"));
        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.get("C-1")).isPresent();
        assertThat(recent.get("C-2")).isEmpty();
        assertThat(recent.get("C-3")).isPresent();

        recent.forget("C-3");
        assertThat(recent.get("C-3")).isEmpty();
        recent.clear();
        assertThat(recent.get("C-1")).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void capacity_zero_remembers_nothing() {
        RecentWrites<Doc> off = recent(0);
        off.written("C-1", new Doc(1, "ACCEPTED"));
        assertThat(off.get("C-1")).isEmpty();
        assertThat(off.size()).isZero();
    }
}
