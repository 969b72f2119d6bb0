package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.intake.domain.ComplainantStatus;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.complaintdesk.kit.mongo.StoredValues.date;
import static com.complaintdesk.kit.mongo.StoredValues.instant;

/**
 * The status projection's read and write of a stored complaint, by hand ({@link ComplaintStore#findStatus},
 * {@link ComplaintStore#updateStatus}), in exactly the form Spring Data's converter and query/update mapping used
 * (ComplaintStatusMappingTest compares both): enums by name, {@code Instant} as a BSON date, a null value
 * {@code $unset} (a whole save leaves it out), a field absent from the document keeps the object's initial value.
 */
final class ComplaintStatusMapping {

    /** What the status projection reads: {@link ComplaintStatusDocument}'s fields, none of the personal data. */
    static final Document PROJECTION = new Document();

    static {
        for (String field : List.of("status", "acceptance", "reason", "nextStep", "deadline", "statusAt", "department",
                "confidential", "category", "processedEvents", "version")) {
            PROJECTION.put(field, 1);
        }
    }

    private ComplaintStatusMapping() {
    }

    static ComplaintStatusDocument read(Document in) {
        ComplaintStatusDocument d = new ComplaintStatusDocument();
        if (in.get("_id") != null) {
            d.number = in.get("_id").toString();
        }
        if (in.containsKey("status")) {
            d.status = in.get("status") == null ? null : ComplaintStatus.valueOf(in.get("status").toString());
        }
        if (in.containsKey("acceptance")) {
            d.acceptance = in.get("acceptance") == null ? null : Acceptance.valueOf(in.get("acceptance").toString());
        }
        if (in.containsKey("reason")) {
            d.reason = in.getString("reason");
        }
        if (in.containsKey("nextStep")) {
            d.nextStep = in.getString("nextStep");
        }
        if (in.containsKey("deadline")) {
            d.deadline = instant(in.get("deadline"));
        }
        if (in.containsKey("statusAt")) {
            d.statusAt = instant(in.get("statusAt"));
        }
        if (in.containsKey("department")) {
            d.department = in.getString("department");
        }
        if (in.get("confidential") instanceof Boolean b) {
            d.confidential = b;
        }
        if (in.containsKey("category")) {
            d.category = in.getString("category");
        }
        if (in.get("processedEvents") instanceof Collection<?> ids) {
            List<String> processed = new ArrayList<>(ids.size());
            for (Object id : ids) {
                processed.add((String) id);
            }
            d.setProcessedEvents(processed);
        }
        if (in.containsKey("version")) {
            d.setVersion(in.get("version") instanceof Number n ? n.longValue() : null);
        }
        return d;
    }

    /**
     * The update of {@link ComplaintStore#updateStatus}: {@code $set} and {@code $unset} in the order Spring Data's
     * {@code Update} built them (each operator where its first field came).
     */
    static Document update(ComplaintStatusDocument read, ComplainantStatus projected) {
        Document update = new Document();
        setOrUnset(update, "status", projected.status() == null ? null : projected.status().name());
        setOrUnset(update, "acceptance", projected.acceptance() == null ? null : projected.acceptance().name());
        setOrUnset(update, "reason", projected.reason());
        setOrUnset(update, "nextStep", projected.nextStep());
        setOrUnset(update, "deadline", date(projected.deadline()));
        setOrUnset(update, "statusAt", date(projected.statusAt()));
        setOrUnset(update, "department", projected.holder().department());
        set(update, "confidential", projected.holder().confidential());
        setOrUnset(update, "category", projected.holder().category());
        set(update, "processedEvents", new ArrayList<>(read.getProcessedEvents()));
        set(update, "version", read.getVersion() == null ? 1L : read.getVersion() + 1);
        return update;
    }

    /** As a whole save writes them: a null field is left out of the document, not stored as null. */
    private static void setOrUnset(Document update, String field, Object value) {
        if (value == null) {
            ((Document) update.computeIfAbsent("$unset", k -> new Document())).put(field, 1);
        } else {
            set(update, field, value);
        }
    }

    private static void set(Document update, String field, Object value) {
        ((Document) update.computeIfAbsent("$set", k -> new Document())).put(field, value);
    }
}
