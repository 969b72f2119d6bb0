package com.complaintdesk.sla.adapters.mongo;

import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The index on due time that every store serves the same way: a timer (complaint id + due time) is listed in the
 * bucket of its due minute, and the timer engine walks the minutes from a shared cursor up to now with exact
 * {@code _id} look-ups. On MongoDB a range query on {@code wakeAt} would do; mongo-java-server answers any query that is
 * not exactly a unique index's keys by reading the whole collection, which at 100,000 open timers cost about 50 ms on
 * every poll. Here a poll reads the cursor, an hour marker or two and the one or two minutes since the last poll,
 * whatever the number of open timers.
 *
 * <p>Collections (each with a unique {@code {_id, v}} index, so every conditional write below is an index look-up):
 * <ul>
 *   <li>{@code sla_timer_minutes}: {@code _id} = epoch minute, {@code e} = entries {@code {i: complaint, a: due}},
 *       {@code v} bumped by every writer;</li>
 *   <li>{@code sla_timer_hours}: {@code _id} = epoch hour, present while a minute of that hour may hold entries, so a
 *       walk over a long gap (an instance down for a day) skips empty hours;</li>
 *   <li>{@code sla_timer_cursor}: one document, the minute below which no bucket holds entries.</li>
 * </ul>
 *
 * <p>Why nothing is lost, and what is left to the safety net ({@link SlaStore#claimDueByScan}):
 * <ul>
 *   <li>A writer lists the timer <em>before</em> the save that sets {@code wakeAt}, under
 *       max(its due minute, the writer's current minute), bumps the hour marker, and lowers the cursor if it is above
 *       that minute. A crash after listing leaves a stale entry, which the walk drops (the document's {@code wakeAt}
 *       differs).</li>
 *   <li>The walk removes a bucket or an hour marker only with a compare-and-set on {@code v}, so an entry added
 *       meanwhile keeps it; it moves the cursor with a compare-and-set too, so a writer that lowered it wins; and it
 *       never moves the cursor past the previous minute, so a writer whose clock is up to a minute behind still lists
 *       at or above the cursor.</li>
 *   <li>A writer that stalls for more than a minute between reading its clock and listing the timer can list it below
 *       a cursor that has moved on; the safety-net scan (every {@code sla.timers.safety-scan}) fires such a timer.</li>
 *   <li>A due entry stays listed until its document's {@code wakeAt} moves (fired, stopped); a claim that died with
 *       its instance is therefore found again when the lease runs out.</li>
 * </ul>
 */
final class TimerBuckets {

    static final String MINUTES = "sla_timer_minutes";
    static final String HOURS = "sla_timer_hours";
    static final String CURSOR = "sla_timer_cursor";
    private static final String CURSOR_ID = "cursor";

    /** A timer to list: {@code writerNow} is the writer's clock (null = list under the due minute). */
    record Timer(String id, Instant due, Instant writerNow) {
    }

    /** A due timer found in a bucket, with the version its claim compares against. */
    record Candidate(String id, Object version) {
    }

    private final MongoTemplate mongo;
    private final String clocks;

    TimerBuckets(MongoTemplate mongo, String clocks) {
        this.mongo = mongo;
        this.clocks = clocks;
        for (String c : List.of(MINUTES, HOURS, CURSOR)) {
            mongo.indexOps(c).createIndex(new Index().on("_id", Sort.Direction.ASC).on("v", Sort.Direction.ASC)
                    .unique().named("id_v"));
        }
    }

    static long minute(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    private static Date millis(Instant t) {
        return Date.from(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** True when {@code a} and {@code b} are the same due time as stored (millisecond precision). */
    static boolean sameDue(Instant a, Instant b) {
        return a != null && b != null && a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
    }

    private static long bucketOf(Timer t) {
        return t.writerNow() == null ? minute(t.due()) : Math.max(minute(t.due()), minute(t.writerNow()));
    }

    /**
     * Lists one timer: three single-document writes, each by {@code _id}. Filters and updates are written as the
     * driver's documents (the same commands Spring Data's {@code upsert/updateFirst} sent, without its query and
     * update mapping: this runs on every save that moves a due time).
     */
    void register(String id, Instant due, Instant writerNow) {
        long m = bucketOf(new Timer(id, due, writerNow));
        upsert(MINUTES, m, new Document("$addToSet", new Document("e", entry(id, due))).append("$inc", bump()));
        upsert(HOURS, Math.floorDiv(m, 60), new Document("$inc", bump()));
        lowerCursor(m);
    }

    /** Lists many timers at once, one write per minute and per hour (bulk loads, the first-start back-fill). */
    void registerAll(List<Timer> timers) {
        Map<Long, List<Document>> byMinute = new TreeMap<>();
        for (Timer t : timers) {
            byMinute.computeIfAbsent(bucketOf(t), k -> new ArrayList<>()).add(entry(t.id(), t.due()));
        }
        TreeSet<Long> hours = new TreeSet<>();
        byMinute.forEach((m, entries) -> {
            upsert(MINUTES, m, new Document("$addToSet", new Document("e", new Document("$each", entries))).append("$inc", bump()));
            hours.add(Math.floorDiv(m, 60));
        });
        hours.forEach(h -> upsert(HOURS, h, new Document("$inc", bump())));
        if (!byMinute.isEmpty()) {
            lowerCursor(((TreeMap<Long, List<Document>>) byMinute).firstKey());
        }
    }

    /** {@code $inc} of the version every writer of a bucket, marker or cursor moves. */
    private static Document bump() {
        return new Document("v", 1L);
    }

    private static Document entry(String id, Instant due) {
        return new Document("i", id).append("a", millis(due));
    }

    private void upsert(String collection, Object id, Document update) {
        mongo.execute(collection, c -> c.updateOne(new Document("_id", id), update, new UpdateOptions().upsert(true)));
    }

    private void lowerCursor(long m) {
        mongo.execute(CURSOR, c -> c.updateOne(new Document("_id", CURSOR_ID).append("minute", new Document("$gt", m)),
                new Document("$set", new Document("minute", m)).append("$inc", bump())));
    }

    /**
     * Walks the buckets from the cursor to {@code now} and offers each due, unleased timer to {@code claim} until
     * {@code max} are claimed; drops stale entries and empty buckets, and moves the cursor on.
     */
    List<String> claimDue(Instant now, int max, Predicate<Candidate> claim) {
        Document cursor = mongo.findById(CURSOR_ID, Document.class, CURSOR);
        if (cursor == null) {
            backfill(now);
            cursor = mongo.findById(CURSOR_ID, Document.class, CURSOR);
        }
        long from = ((Number) cursor.get("minute")).longValue();
        long nowMinute = minute(now);
        List<String> claimed = new ArrayList<>();
        Long firstKept = null;
        long m = from;
        walk:
        while (m <= nowMinute) {
            long hour = Math.floorDiv(m, 60);
            long hourEnd = (hour + 1) * 60;
            Document marker = mongo.findById(hour, Document.class, HOURS);
            if (marker == null) {
                m = hourEnd;
                continue;
            }
            boolean hourKept = false;
            for (; m < hourEnd && m <= nowMinute; m++) {
                if (claimed.size() >= max) {
                    firstKept = firstKept == null ? m : firstKept;
                    break walk;
                }
                if (visit(m, now, max, claimed, claim)) {
                    hourKept = true;
                    firstKept = firstKept == null ? m : firstKept;
                }
            }
            if (!hourKept && m == hourEnd) {
                // every minute of the hour walked and empty: the marker goes unless a writer touched it meanwhile
                mongo.remove(new Query(Criteria.where("_id").is(hour).and("v").is(marker.get("v"))), HOURS);
            }
        }
        long next = Math.min(firstKept != null ? firstKept : m, nowMinute - 1);
        if (next > from) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(CURSOR_ID).and("v").is(cursor.get("v"))),
                    new Update().set("minute", next).inc("v", 1L), CURSOR);
        }
        return claimed;
    }

    /** One minute's bucket; true when it still holds entries afterwards. */
    private boolean visit(long m, Instant now, int max, List<String> claimed, Predicate<Candidate> claim) {
        Document bucket = mongo.findById(m, Document.class, MINUTES);
        if (bucket == null) {
            return false;
        }
        Date nowDate = Date.from(now);
        List<Document> stale = new ArrayList<>();
        boolean kept = false;
        for (Document e : bucket.getList("e", Document.class, List.of())) {
            Date due = e.getDate("a");
            if (due.after(nowDate) || claimed.size() >= max) {
                kept = true;
                continue;
            }
            Query one = new Query(Criteria.where("_id").is(e.getString("i")));
            one.fields().include("wakeAt").include("version").include("leaseUntil");
            Document timer = mongo.findOne(one, Document.class, clocks);
            if (timer == null || !due.equals(timer.getDate("wakeAt"))) {
                stale.add(e); // fired, stopped or moved (a new due time is listed under its own minute)
                continue;
            }
            kept = true; // listed until its wakeAt moves, so a claim lost with its instance is found again
            Date leaseUntil = timer.getDate("leaseUntil");
            if (leaseUntil != null && !leaseUntil.before(nowDate)) {
                continue;
            }
            if (claim.test(new Candidate(e.getString("i"), timer.get("version")))) {
                claimed.add(e.getString("i"));
            }
        }
        if (!kept && mongo.remove(new Query(Criteria.where("_id").is(m).and("v").is(bucket.get("v"))), MINUTES)
                .getDeletedCount() == 1) {
            return false;
        }
        if (!stale.isEmpty()) {
            mongo.updateFirst(byId(m), new Update().pullAll("e", stale.toArray()), MINUTES);
        }
        return true; // kept, or a writer added to it since it was read
    }

    /** First start (or data from before the buckets): lists every stored timer, then places the cursor. */
    private void backfill(Instant now) {
        Query timers = new Query(Criteria.where("wakeAt").ne(null));
        timers.fields().include("_id").include("wakeAt");
        List<Timer> found = mongo.find(timers, Document.class, clocks).stream()
                .map(d -> new Timer(String.valueOf(d.get("_id")), d.getDate("wakeAt").toInstant(), null)).toList();
        registerAll(found);
        long start = found.stream().mapToLong(TimerBuckets::bucketOf).min().orElse(minute(now) - 1);
        // buckets written before the cursor existed (saves since start-up) may hold entries that have gone stale
        // since; the walk must start at or below them to prune them
        Query oldest = new Query().with(Sort.by(Sort.Direction.ASC, "_id")).limit(1);
        Document first = mongo.findOne(oldest, Document.class, MINUTES);
        if (first != null) {
            start = Math.min(start, ((Number) first.get("_id")).longValue());
        }
        mongo.upsert(byId(CURSOR_ID), new Update().min("minute", Math.min(start, minute(now) - 1)).inc("v", 1L), CURSOR);
    }

    private static Query byId(Object id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
