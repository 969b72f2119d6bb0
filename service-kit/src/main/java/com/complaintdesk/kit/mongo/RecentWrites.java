package com.complaintdesk.kit.mongo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The documents a service instance wrote last, by key, so a read-modify-write of the same document can skip its read:
 * the events of one complaint come to one listener in order (they share a partition), usually seconds apart, and the
 * instance that wrote the document last is usually the one that writes it next.
 * <p>
 * A remembered document is only ever a guess at the stored one. Use it only to compute a write that is conditioned on
 * the version it was remembered at: when anyone else moved the document on, that write matches nothing, the caller
 * forgets the key and reads the stored document. Never decide "nothing to write" on a remembered document alone (a
 * change made elsewhere could be missing from it), and only use this for documents whose every change moves the
 * version and which are never deleted and created again under the same key (the same version would then mean another
 * document).
 * <p>
 * Bounded: the least recently used key goes first ({@code capacity}; 0 or less remembers nothing). Every entry is a
 * copy of what was written, and each {@link #get} hands out another copy, so nothing a caller changes is shared.
 *
 * @param <T> the document (or the part of it that the read-modify-write needs)
 */
public final class RecentWrites<T> {

    private final int capacity;
    private final UnaryOperator<T> copy;
    private final ToLongFunction<T> version;
    private final Map<String, T> byKey;

    /**
     * @param copy    a detached copy of a document (what {@link #written} keeps and {@link #get} hands out)
     * @param version the document's version as stored
     */
    public RecentWrites(int capacity, UnaryOperator<T> copy, ToLongFunction<T> version) {
        this.capacity = capacity;
        this.copy = copy;
        this.version = version;
        this.byKey = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
                return size() > RecentWrites.this.capacity;
            }
        };
    }

    /** A copy of the document last written under {@code key}, if it is remembered. */
    public Optional<T> get(String key) {
        if (capacity <= 0) {
            return Optional.empty();
        }
        T remembered;
        synchronized (byKey) {
            remembered = byKey.get(key);
        }
        return Optional.ofNullable(remembered == null ? null : copy.apply(remembered));
    }

    /**
     * Remembers a document as just stored (at its new version). An older version than the one remembered (two writes
     * of this instance finishing out of order) does not replace it.
     */
    public void written(String key, T stored) {
        if (capacity <= 0 || key == null) {
            return;
        }
        T kept = copy.apply(stored);
        long at = version.applyAsLong(kept);
        synchronized (byKey) {
            byKey.merge(key, kept, (known, now) -> version.applyAsLong(known) > at ? known : now);
        }
    }

    /** Forgets a key whose remembered document turned out to be behind the stored one (or is gone). */
    public void forget(String key) {
        if (capacity > 0) {
            synchronized (byKey) {
                byKey.remove(key);
            }
        }
    }

    /** Forgets everything (e.g. after the collection was dropped or rebuilt). */
    public void clear() {
        synchronized (byKey) {
            byKey.clear();
        }
    }

    public int size() {
        synchronized (byKey) {
            return byKey.size();
        }
    }
}
