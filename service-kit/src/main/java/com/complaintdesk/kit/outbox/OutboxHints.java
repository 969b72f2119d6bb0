package com.complaintdesk.kit.outbox;

import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells {@link OutboxRelay} which documents were just saved with events, so it reads those by {@code _id} at once
 * instead of scanning the collection for {@code outboxPending} (a full scan on the Mongo-wire store, which builds no
 * secondary index).
 * <p>
 * Filled from Spring Data's {@link AfterSaveEvent}, which {@code MongoTemplate.insert/save} publishes after the write
 * succeeded, so every service's {@code doc.enqueue(...); mongo.save(doc)} is covered without code of its own. A hint
 * is only an optimisation: one that is dropped (queue full) or not published (a write through {@code updateFirst}, a
 * save by another instance) is found by the relay's periodic scan ({@code kit.outbox.idle-poll}).
 */
public class OutboxHints implements ApplicationListener<MongoMappingEvent<?>> {

    /** One document that was saved with events waiting in its outbox. */
    public record Hint(String collection, Object id) {
    }

    private final Set<String> collections;
    private final BlockingQueue<Hint> queue;
    private final AtomicBoolean overflowed = new AtomicBoolean();

    public OutboxHints(OutboxCollections collections, int capacity) {
        this.collections = Set.copyOf(collections.names());
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void onApplicationEvent(MongoMappingEvent<?> event) {
        if (event instanceof AfterSaveEvent<?> saved
                && saved.getSource() instanceof OutboxDocument doc && doc.isOutboxPending() && !doc.getOutbox().isEmpty()
                && collections.contains(saved.getCollectionName()) && saved.getDocument() != null) {
            Object id = saved.getDocument().get("_id");
            if (id != null) {
                hint(saved.getCollectionName(), id);
            }
        }
    }

    public void hint(String collection, Object id) {
        if (!queue.offer(new Hint(collection, id))) {
            overflowed.set(true); // the scan finds it
        }
    }

    /**
     * Waits up to {@code timeout} for a first hint, then takes every hint there is, up to {@code max}.
     * Empty when none came in time.
     */
    public List<Hint> await(long timeout, TimeUnit unit, int max) throws InterruptedException {
        List<Hint> taken = new ArrayList<>();
        Hint first = queue.poll(timeout, unit);
        if (first == null) {
            return taken;
        }
        taken.add(first);
        queue.drainTo(taken, Math.max(0, max - 1));
        return taken;
    }

    /** True once after hints were dropped because the queue was full: the relay should scan. */
    boolean takeOverflow() {
        return overflowed.getAndSet(false);
    }
}
