package com.complaintdesk.sla.adapters;

import com.complaintdesk.contracts.events.TriageEvents.ComplaintAccepted;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.ClockService;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.support.MutableClock;
import com.complaintdesk.sla.support.SlaSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.complaintdesk.sla.support.SlaMother.received;

/** What the tests of the durable timers share: the timer store, the clock they move, and complaints with timers. */
abstract class DurableTimerTest extends SlaSpringTest {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    ClockService clocks;
    @Autowired
    SlaStore store;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoTemplate mongo;

    /**
     * Complaints received and accepted at {@code at}, after {@code sweeper} fired the timers of earlier tests that
     * were due then (out of the way); their resolution timers fall due some working days later.
     */
    List<String> acceptedComplaints(String prefix, int count, Instant at, TimerEngine sweeper) {
        clock.set(at);
        sweeper.drain();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newComplaintId(prefix);
            clocks.on(envelope(id, received(id, at), at));
            clocks.on(envelope(id, new ComplaintAccepted("officer", null), at));
            ids.add(id);
        }
        return ids;
    }
}
