package com.complaintdesk.intake.adapters.mongo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status part of the complaints this instance wrote last (registered, urged, given evidence, projected), so the
 * status projection can skip its read when the next event of a complaint arrives: events of one complaint come to one
 * listener in order (they share a partition), usually a few seconds apart.
 * <p>
 * A remembered status is only ever a guess. It is used to compute a write that is conditioned on its version, so a
 * status another writer moved on (another instance, or a write this instance remembered out of order) makes the
 * write change nothing and the projection reads the stored one ({@link ComplaintStore#updateStatus}). What it may not
 * decide alone is "nothing to write": {@code IntakeService.project} reads the stored status before dropping an event.
 * <p>
 * Bounded (least recently used goes first; {@code intake.status-projection.recent}, 0: off), and every entry is a
 * detached copy, given out as another copy.
 */
@Component
public class RecentStatuses {

    private final int capacity;
    private final Map<String, ComplaintStatusDocument> byNumber;

    public RecentStatuses(@Value("${intake.status-projection.recent:4096}") int capacity) {
        this.capacity = capacity;
        this.byNumber = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ComplaintStatusDocument> eldest) {
                return size() > RecentStatuses.this.capacity;
            }
        };
    }

    /** A copy of the status last written for {@code number}, if this instance remembers it. */
    Optional<ComplaintStatusDocument> get(String number) {
        if (capacity <= 0) {
            return Optional.empty();
        }
        synchronized (byNumber) {
            ComplaintStatusDocument remembered = byNumber.get(number);
            return Optional.ofNullable(remembered == null ? null : remembered.statusCopy());
        }
    }

    /**
     * Remembers the status part of a complaint as just stored. An older version than the one remembered (two of this
     * instance's writes finishing out of order) does not replace it.
     */
    void written(ComplaintStatusDocument stored) {
        if (capacity <= 0 || stored.number == null || stored.getVersion() == null) {
            return;
        }
        ComplaintStatusDocument copy = stored.statusCopy();
        synchronized (byNumber) {
            byNumber.merge(stored.number, copy, (known, now) ->
                    known.getVersion() != null && known.getVersion() > now.getVersion() ? known : now);
        }
    }

    /** Forgets a complaint whose remembered status turned out to be behind the stored one. */
    void forget(String number) {
        if (capacity > 0) {
            synchronized (byNumber) {
                byNumber.remove(number);
            }
        }
    }

    int size() {
        synchronized (byNumber) {
            return byNumber.size();
        }
    }
}
