package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.ComplaintEvent;
import com.complaintdesk.contracts.events.EventEnvelope;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.testsupport.MongoCommandLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-up with every store command counted ({@link MongoCommandLog}) and its listener off: a test applies a
 * complaint's events on its own thread, as the listener would, so what that complaint sends to the store is counted
 * exactly, whatever else runs. The classes set {@code followup.policy-cache-ttl}, so each has a context of its own,
 * closed after it.
 */
@Import(MongoCommandLog.Registration.class)
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
abstract class PolicyReadsHarness extends ServiceHarness {

    static final String POLICY = "/api/v1/followup/policy";
    /** Friday 15:00: the desk's rule (2 working days) makes a revisit due Tuesday at closing time, seed 4.3's Monday */
    static final Instant RESOLVED = at("2026-11-27T15:00");
    static final Instant DUE_BY_WORKING_DAYS = at("2026-12-01T18:00");
    static final Instant DUE_BY_DAYS_AFTER_REPLY = at("2026-11-30T15:00");

    @Autowired
    FollowupService followup;
    @Autowired
    MongoCommandLog commands;

    /**
     * A new complaint registered and resolved (the two events whose handling uses the policy), applied on this
     * thread; returns its id and how many commands handling it sent to the policy's collection.
     */
    Handled handleComplaint() {
        String id = newComplaintId();
        long policyCommands = commands.sentBy(() -> {
            followup.apply(envelope(id, Mother.received(id, ComplainantType.CONSUMER, "13800138000", null, RESOLVED)));
            followup.apply(envelope(id, Mother.resolved("ENGINEERING", "h-1")));
        }).stream().filter(c -> c.collection().equals("policies")).count();
        return new Handled(id, policyCommands);
    }

    record Handled(String id, long policyCommands) {
    }

    private static EventEnvelope<ComplaintEvent> envelope(String id, ComplaintEvent payload) {
        return EventEnvelope.of(payload, id, RESOLVED, "corr-" + id, "test");
    }

    /** When the complaint's revisit is due, as staff see it. */
    Instant dueAt(String id) {
        var view = getAs("/api/v1/followup/cases/" + id, "SUPERVISOR", "HR");
        assertThat(view.status()).as(view.body().toString()).isEqualTo(200);
        return Instant.parse(view.body().path("revisit").path("dueAt").asString());
    }

    /** The stored policy as GET returns it (and PUT takes it). */
    String storedPolicy() {
        var current = get(POLICY, "ADMIN");
        assertThat(current.status()).isEqualTo(200);
        return current.body().path("policy").toString();
    }
}
