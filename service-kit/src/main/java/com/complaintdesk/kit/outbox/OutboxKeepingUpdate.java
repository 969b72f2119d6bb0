package com.complaintdesk.kit.outbox;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The update of a versioned save that leaves the outbox to the relay: every field of the document as written is
 * {@code $set} but the key and the relay's part (the outbox, {@code outboxPending}, the relay's lease), every field
 * of the document's kind that is not written is {@code $unset} (as a whole-document replace would leave it out), and
 * only the events enqueued by this save ({@link OutboxEvent#storedVersion} = the version it stores) are
 * {@code $push}ed onto the outbox as stored. With such events the document is pending again and the relay's lease is
 * dropped, as a replace did, so the relay's hinted claim takes it at once.
 * <p>
 * Why (issue 7): the relay empties the outbox without moving the version, so a save from a document read before that
 * (or remembered by {@code RecentWrites} for longer) would write sent events back with a replace, and once
 * {@code outbox_sent} has forgotten their ids ({@code kit.outbox.sent-retention}) they would be sent again; a copy
 * without them would erase events not sent yet. Send it filtered on {@code (_id, version as loaded)}.
 */
public final class OutboxKeepingUpdate {

    public static final String OUTBOX = "outbox";
    public static final String OUTBOX_PENDING = "outboxPending";
    /** The relay's part of a document: what it changes without moving the version, never written from a copy. */
    public static final List<String> RELAY_FIELDS = List.of(OUTBOX, OUTBOX_PENDING, OutboxRelay.LEASE_UNTIL,
            OutboxRelay.LEASE_OWNER);
    /** Never {@code $set} from the document as written: its key, and the relay's part. */
    private static final Set<String> NOT_SET = Stream.concat(Stream.of("_id"),
            RELAY_FIELDS.stream()).collect(Collectors.toUnmodifiableSet());

    private OutboxKeepingUpdate() {
    }

    /**
     * @param written the document as mapped for the save, at the version it stores
     * @param storing the version the save stores
     * @param fields  every top-level field a document of this kind can be stored with (what is not written is unset)
     */
    public static Document of(Document written, long storing, Collection<String> fields) {
        Document set = new Document();
        Document unset = new Document();
        written.forEach((field, value) -> {
            if (!NOT_SET.contains(field)) {
                set.put(field, value);
            }
        });
        for (String field : fields) {
            if (!written.containsKey(field) && !NOT_SET.contains(field)) {
                unset.put(field, "");
            }
        }
        List<Document> enqueued = new ArrayList<>();
        for (Document e : written.getList(OUTBOX, Document.class, List.of())) {
            if (e.get("storedVersion") instanceof Number v && v.longValue() == storing) {
                enqueued.add(e);
            }
        }
        Document update = new Document();
        if (!enqueued.isEmpty()) {
            set.put(OUTBOX_PENDING, true);
            unset.put(OutboxRelay.LEASE_UNTIL, "");
            unset.put(OutboxRelay.LEASE_OWNER, "");
            update.put("$push", new Document(OUTBOX, new Document("$each", enqueued)));
        }
        update.put("$set", set);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        return update;
    }

    /** Whether {@code update} adds events to the outbox (then the relay is to be hinted, as after a save). */
    public static boolean addsEvents(Document update) {
        return update.containsKey("$push");
    }
}
