package com.complaintdesk.dispatch.application;

import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationSettingsDocument;
import com.complaintdesk.dispatch.application.OrganisationDirectory.Organisation;
import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation snapshot: kept for the TTL, read again after it or after a change made through this instance,
 * never kept when a change happened while it was being read, and never kept at all with a TTL of 0.
 */
class OrganisationDirectoryTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final AtomicInteger reads = new AtomicInteger();
    /** what the store holds now: the manager of OPERATIONS */
    final AtomicReference<String> opsManager = new AtomicReference<>("ops-mgr-1");
    Runnable duringRead = () -> { };

    Organisation read() {
        reads.incrementAndGet();
        var s = new OrganisationSettingsDocument();
        s.fallbackDepartment = "SERVICE_DESK";
        s.routing = List.of(new RoutingRule(1, "PRODUCT_QUALITY", null, null, "OPERATIONS", null, false));
        String manager = opsManager.get();
        duringRead.run();
        return Organisation.of(s, List.of(new Department("OPERATIONS", "Operations", null, manager, false),
                        new Department("SERVICE_DESK", "Desk", null, "desk-mgr", false)),
                code -> code.equals("LATE") ? Optional.of(new Department("LATE", "Late", null, "late-mgr", false)) : Optional.empty());
    }

    OrganisationDirectory directory(Duration ttl) {
        return new OrganisationDirectory(this::read, ttl, nanos::get);
    }

    @Test
    void a_snapshot_serves_every_event_within_the_ttl_and_is_read_again_after_it() {
        var directory = directory(Duration.ofSeconds(5));
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-1");
        opsManager.set("ops-mgr-2");  // changed by another instance
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-1");
        assertThat(reads).hasValue(1);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_change_made_through_this_instance_is_seen_by_the_next_event() {
        var directory = directory(Duration.ofSeconds(5));
        directory.current();
        opsManager.set("ops-mgr-2");
        directory.invalidate();
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-2");
    }

    @Test
    void a_snapshot_read_while_a_change_was_made_is_used_once_but_not_kept() {
        var directory = directory(Duration.ofSeconds(5));
        duringRead = () -> {
            duringRead = () -> { };
            opsManager.set("ops-mgr-2");
            directory.invalidate();
        };
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-1");
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void with_a_ttl_of_zero_every_event_reads_the_organisation() {
        var directory = directory(Duration.ZERO);
        directory.current();
        opsManager.set("ops-mgr-2");
        assertThat(directory.current().managerOf("OPERATIONS")).isEqualTo("ops-mgr-2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void routes_from_the_snapshot_and_looks_up_a_department_it_does_not_know() {
        var org = directory(Duration.ofSeconds(5)).current();
        assertThat(org.routingTable().route("PRODUCT_QUALITY", null, Severity.GENERAL).department()).isEqualTo("OPERATIONS");
        assertThat(org.routingTable().route("OTHER", null, Severity.GENERAL).department()).isEqualTo("SERVICE_DESK");
        assertThat(org.managerOf("LATE")).isEqualTo("late-mgr");
        assertThat(org.managerOf("NOWHERE")).isNull();
        assertThat(org.managerOf(null)).isNull();
        assertThat(org.prManager()).isNull();
    }
}
