package com.complaintdesk.sla.adapters;

import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.application.TimerEngine;
import com.complaintdesk.sla.domain.ClockMetric;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.complaintdesk.sla.support.SlaMother.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time buckets that find due timers by exact {@code _id} look-ups (so the Mongo-wire store never reads every open
 * timer per poll), and the safety-net look-up by due time behind them.
 */
class TimerBucketsTest extends DurableTimerTest {

    static final Duration NO_SAFETY_SCAN = Duration.ofDays(365);

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    /** Complaints accepted at {@code at}; their resolution warning falls due some working days later. */
    List<String> accepted(String prefix, int count, Instant at) {
        return acceptedComplaints(prefix, count, at, engine("sweeper", NO_SAFETY_SCAN));
    }

    TimerEngine engine(String owner, Duration safetyScan) {
        return new TimerEngine(store, clocks, clock, owner, LEASE, 500, safetyScan);
    }

    long warningsAndBreaches(String id) {
        SlaDocument d = store.find(id).orElseThrow();
        return d.sla.clocks().values().stream().flatMap(c -> c.history().stream())
                .filter(m -> m.kind() == ClockMetric.Kind.WARNED || m.kind() == ClockMetric.Kind.BREACHED).count();
    }

    @Test
    void a_poll_reads_the_open_timers_only_by_id_whatever_their_number() {
        accepted("bucket-open", 200, shanghai("2029-03-19T10:00")); // open, nothing due for a day or more
        List<String> due = accepted("bucket-due", 3, shanghai("2029-03-01T10:00"));
        clock.set(shanghai("2029-03-19T10:30"));

        // a second client on the same database that records every query sent to the clocks collection
        List<List<String>> clockQueries = new CopyOnWriteArrayList<>(); // the keys of each filter
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent e) {
                BsonDocument c = e.getCommand();
                if (c.containsKey("find") && SlaStore.CLOCKS.equals(c.getString("find").getValue())) {
                    // the command is only readable during the callback: keep a copy of the filter's keys
                    clockQueries.add(List.copyOf(c.getDocument("filter", new BsonDocument()).keySet()));
                }
            }
        };
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongoUri))
                .addCommandListener(listener).build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoTemplate watched = new MongoTemplate(client, mongo.getDb().getName());
            List<String> claimed = new SlaStore(watched).claimDue(clock.instant(), "instance-watched", LEASE, 500);

            assertThat(claimed).containsAll(due);
            assertThat(clockQueries).isNotEmpty().allSatisfy(keys ->
                    assertThat(keys).as("keys of a look-up in %s", SlaStore.CLOCKS).containsExactly("_id"));
            assertThat(clockQueries.size()).as("one look-up per listed due timer, none for the 200 open ones")
                    .isLessThan(50);
        }
    }

    @Test
    void fired_entries_leave_their_bucket_and_the_cursor_moves_past_emptied_minutes() {
        List<String> ids = accepted("bucket-prune", 4, shanghai("2029-05-07T10:00"));
        clock.set(shanghai("2029-06-20T10:00"));
        TimerEngine engine = engine("instance-prune", NO_SAFETY_SCAN);
        assertThat(engine.drain()).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(warningsAndBreaches(id)).isPositive());

        clock.advance(Duration.ofMinutes(5));
        engine.drain();
        long cursor = ((Number) mongo.findById("cursor", Document.class, "sla_timer_cursor").get("minute")).longValue();
        assertThat(cursor).isGreaterThan(Math.floorDiv(shanghai("2029-06-20T10:00").getEpochSecond(), 60) - 10);
        List<Document> buckets = mongo.find(new Query(), Document.class, "sla_timer_minutes");
        assertThat(buckets).allSatisfy(b -> assertThat(((Number) b.get("_id")).longValue())
                .as("no bucket below the cursor").isGreaterThanOrEqualTo(cursor));
        for (Document b : buckets) {
            for (Document e : b.getList("e", Document.class, List.of())) {
                SlaDocument timer = store.find(e.getString("i")).orElse(null);
                assertThat(timer).as("entry %s", e).isNotNull();
                assertThat(timer.wakeAt).as("a listed entry is its timer's current due time").isNotNull();
            }
        }
    }

    @Test
    void a_timer_listed_below_the_cursor_because_the_clock_went_back_still_fires() {
        accepted("bucket-late", 2, shanghai("2030-01-07T10:00"));
        clock.set(shanghai("2030-02-20T10:00"));
        engine("instance-ahead", NO_SAFETY_SCAN).drain(); // the cursor is now in February 2030

        List<String> earlier = accepted("bucket-back", 3, shanghai("2029-09-03T10:00"));
        clock.set(shanghai("2029-09-25T10:00"));
        assertThat(engine("instance-back", NO_SAFETY_SCAN).drain()).isGreaterThanOrEqualTo(earlier.size());
        assertThat(earlier).allSatisfy(id -> assertThat(warningsAndBreaches(id)).isPositive());
    }

    @Test
    void a_timer_missing_from_its_bucket_is_fired_by_the_safety_scan_and_only_by_it() {
        List<String> ids = accepted("bucket-lost", 3, shanghai("2029-11-05T10:00"));
        // the bucket entries of these timers are lost (as if a writer had stalled past the cursor)
        Set<String> lost = Set.copyOf(ids);
        for (Document b : mongo.find(new Query(), Document.class, "sla_timer_minutes")) {
            List<Document> kept = b.getList("e", Document.class, List.of()).stream()
                    .filter(e -> !lost.contains(e.getString("i"))).toList();
            mongo.getCollection("sla_timer_minutes").updateOne(new Document("_id", b.get("_id")),
                    new Document("$set", new Document("e", kept)));
        }
        clock.set(shanghai("2029-11-30T10:00"));

        assertThat(engine("instance-buckets-only", NO_SAFETY_SCAN).claim()).doesNotContainAnyElementsOf(ids);
        TimerEngine withNet = engine("instance-net", Duration.ZERO);
        assertThat(withNet.drain()).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(warningsAndBreaches(id)).isPositive());
    }

    @Test
    void on_first_start_the_stored_timers_are_listed_from_the_clocks_themselves() {
        List<String> ids = accepted("bucket-first", 3, shanghai("2031-03-03T10:00"));
        // a database from before the buckets: clocks with timers, no buckets, no cursor
        for (String c : List.of("sla_timer_minutes", "sla_timer_hours", "sla_timer_cursor")) {
            mongo.remove(new Query(), c);
        }
        // ... except one written by a save before the first walk, for a timer that has moved since
        Instant gone = shanghai("2031-01-06T10:00");
        long goneMinute = Math.floorDiv(gone.getEpochSecond(), 60);
        mongo.getCollection("sla_timer_minutes").insertOne(new Document("_id", goneMinute).append("v", 1L)
                .append("e", List.of(new Document("i", "C-moved-since").append("a", java.util.Date.from(gone)))));
        mongo.getCollection("sla_timer_hours").insertOne(new Document("_id", Math.floorDiv(goneMinute, 60)).append("v", 1L));
        clock.set(shanghai("2031-03-25T10:00"));
        assertThat(new TimerEngine(new SlaStore(mongo), clocks, clock, "instance-first", LEASE, 500, NO_SAFETY_SCAN).drain())
                .isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(warningsAndBreaches(id)).isPositive());
        assertThat(mongo.findById(goneMinute, Document.class, "sla_timer_minutes"))
                .as("the stale bucket from before the cursor is walked and dropped").isNull();
    }
}
