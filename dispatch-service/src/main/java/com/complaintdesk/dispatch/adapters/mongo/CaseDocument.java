package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A complaint in dispatch: the handling state machine plus copies of the fields lists filter on. Carries its outbox,
 * so a state change and its events are one document write.
 */
@Document("cases")
public class CaseDocument extends OutboxDocument {
    @Id
    public String number;
    public HandlingCase handling;
    @Indexed
    public String department;
    @Indexed
    public String handler;
    @Indexed
    public HandlingStatus status;
    public boolean confidential;
    public Instant updatedAt;

    public static CaseDocument fresh(String number) {
        CaseDocument d = new CaseDocument();
        d.number = number;
        d.handling = new HandlingCase(number);
        return d;
    }

    /** Copies the list fields from the state machine before a save. */
    public void syncIndexes() {
        department = handling.department();
        handler = handling.handler();
        status = handling.status();
        confidential = handling.confidential();
        updatedAt = handling.updatedAt();
    }
}
