package com.complaintdesk.reporting.application;

import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerDocument;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import com.complaintdesk.reporting.ledger.domain.LedgerEvent;
import com.complaintdesk.reporting.ledger.domain.LedgerProjection;
import com.complaintdesk.reporting.ledger.domain.PersonalDataMask;
import com.complaintdesk.reporting.ledger.domain.TimelineItem;
import com.complaintdesk.reporting.statistics.domain.CounterCells;
import com.complaintdesk.reporting.statistics.domain.Fact;
import com.complaintdesk.reporting.statistics.domain.FactExtractor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies one event to the ledger: an idempotent upsert keyed by event id. The entry is re-derived from all of the
 * complaint's events (so arrival order across topics does not matter) and the statistics counters move by the
 * difference between what the complaint contributed before and after.
 */
@Service
public class LedgerUpdater {

    private static final Logger log = LoggerFactory.getLogger(LedgerUpdater.class);

    private final LedgerStore ledger;
    private final CounterStore counters;
    private final LedgerProjection projection;
    private final FactExtractor facts;
    private final ReportingProperties properties;
    private final Counter applied;
    private final Counter duplicates;
    private final Clock clock;
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    public LedgerUpdater(LedgerStore ledger, CounterStore counters, LedgerProjection projection, FactExtractor facts,
                         ReportingProperties properties, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.counters = counters;
        this.projection = projection;
        this.facts = facts;
        this.properties = properties;
        this.applied = Counter.builder("ledger.events.applied").register(meters);
        this.duplicates = Counter.builder("ledger.events.duplicate").description("redelivered events ignored").register(meters);
    }

    /**
     * MongoDB field names may not contain '.' or start with '$'; a payload from another service must never make the
     * ledger write fail, so such keys are stored with '_' instead.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> storable(Map<String, Object> payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        payload.forEach((k, v) -> out.put(k.replace('.', '_').replaceFirst("^\\$", "_"), storableValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object storableValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return storable((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(LedgerUpdater::storableValue).toList();
        }
        return v;
    }

    /**
     * Finishes the counter changes whose writer crashed between the ledger write and the counter update, for
     * complaints that get no further event (whose next writer would otherwise finish them). Safe to run while events
     * are applied and on every instance: a cell takes a change at most once.
     *
     * @return how many changes were finished
     */
    public int finishAbandonedCounters() {
        Instant cutoff = clock.instant().minus(ABANDONED_AFTER);
        int finished = 0;
        for (LedgerDocument doc : ledger.withPendingCountersBefore(cutoff, 500)) {
            for (LedgerDocument.PendingCounters p : doc.getPendingCounters()) {
                if (p.createdAt() != null && p.createdAt().isBefore(cutoff)) {
                    counters.apply(p.deltaId(), p.cells());
                    ledger.removePending(doc.getId(), p.deltaId());
                    finished++;
                }
            }
        }
        return finished;
    }

    @Scheduled(initialDelayString = "${reporting.ledger.sweep-initial-delay:2m}",
            fixedDelayString = "${reporting.ledger.sweep-interval:5m}")
    void sweepAbandonedCounters() {
        try {
            int n = finishAbandonedCounters();
            if (n > 0) {
                log.warn("finished {} counter change(s) left by an interrupted ledger write", n);
            }
        } catch (RuntimeException e) {
            log.warn("sweep of abandoned counter changes failed, will retry: {}", e.toString());
        }
    }

    /** @return true when the event changed the ledger, false when it was already there (a redelivery or a replay). */
    public boolean apply(LedgerEvent raw) {
        return applyAll(List.of(raw)) > 0;
    }

    /**
     * Applies events of one complaint in one read-modify-write of its entry (and one counter change): what a poll of
     * the ledger listener brings for that complaint. The same as applying them one by one, since the entry is
     * re-derived from the whole timeline and the counters move by the difference of its facts.
     *
     * @return how many of the events were new to the ledger (the rest were redeliveries or replays)
     */
    public int applyAll(List<LedgerEvent> raws) {
        // personal data never reaches the ledger's storage in clear (SPEC §7); Mongo keeps milliseconds
        Map<String, LedgerEvent> incoming = new LinkedHashMap<>();
        String number = null;
        for (LedgerEvent raw : raws) {
            if (properties.ledger().ignoredTypes().contains(raw.type())) {
                continue;
            }
            if (number == null) {
                number = raw.complaintId();
            } else if (!number.equals(raw.complaintId())) {
                throw new IllegalArgumentException("events of two complaints: " + number + ", " + raw.complaintId());
            }
            if (incoming.containsKey(raw.eventId())) {
                duplicates.increment();
                continue;
            }
            incoming.put(raw.eventId(), new LedgerEvent(raw.eventId(), raw.type(),
                    raw.occurredAt() == null ? null : raw.occurredAt().truncatedTo(ChronoUnit.MILLIS), raw.complaintId(),
                    raw.topic(), raw.producer(), storable(PersonalDataMask.payload(raw.payload()))));
        }
        if (incoming.isEmpty()) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            LedgerDocument doc = ledger.find(number).orElse(null);
            List<LedgerEvent> events = new ArrayList<>();
            Map<String, LedgerEvent> fresh = new LinkedHashMap<>(incoming);
            if (doc != null) {
                for (TimelineItem t : doc.getEntry().timeline()) {
                    if (fresh.remove(t.eventId()) != null) {
                        duplicates.increment();
                    }
                    events.add(new LedgerEvent(t.eventId(), t.type(), t.occurredAt(), number, t.topic(), t.producer(), t.payload()));
                }
                if (fresh.isEmpty()) {
                    return 0;
                }
            } else {
                doc = new LedgerDocument();
                doc.setId(number);
            }
            events.addAll(fresh.values());
            LedgerEntry entry = projection.project(number, events);
            List<Fact> before = doc.getFacts().stream().map(Fact::decode).toList();
            List<Fact> after = facts.facts(entry);
            List<CounterStore.CellDelta> delta = CounterCells.delta(before, after).entrySet().stream()
                    .map(e -> CounterStore.CellDelta.of(e.getKey(), e.getValue())).toList();
            String deltaId = UUID.randomUUID().toString();
            doc.setEntry(entry);
            doc.setFacts(after.stream().map(Fact::encode).toList());
            Instant now = clock.instant();
            List<LedgerDocument.PendingCounters> pending = new ArrayList<>();
            List<LedgerDocument.PendingCounters> abandoned = new ArrayList<>();
            for (LedgerDocument.PendingCounters p : doc.getPendingCounters()) {
                // a change its writer did not confirm within the grace period was left by a crash: finish it here
                (p.createdAt() != null && p.createdAt().plus(ABANDONED_AFTER).isBefore(now) ? abandoned : pending).add(p);
            }
            if (!delta.isEmpty()) {
                pending.add(new LedgerDocument.PendingCounters(deltaId, now, delta));
            }
            doc.setPendingCounters(pending);
            try {
                ledger.save(doc);
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (attempt >= properties.ledger().maxUpdateAttempts()) {
                    throw concurrent; // the listener's error handler retries, then dead-letters
                }
                continue;
            }
            for (LedgerDocument.PendingCounters p : abandoned) {
                counters.apply(p.deltaId(), p.cells());
            }
            if (!delta.isEmpty()) {
                counters.apply(deltaId, delta);
                ledger.removePending(number, deltaId);
            }
            applied.increment(fresh.size());
            return fresh.size();
        }
    }
}
