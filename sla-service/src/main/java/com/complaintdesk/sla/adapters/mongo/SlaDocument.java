package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxDocument;
import com.complaintdesk.sla.domain.ComplaintSla;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * The clocks of one complaint, and its durable timer: {@code wakeAt} is when the next warning, breach or escalation
 * falls due (indexed; the timer engine claims documents by it), {@code leaseOwner}/{@code leaseUntil} the claim of
 * the instance firing it. State, timer and outgoing events change in one single-document write.
 */
@Document(SlaStore.CLOCKS)
public class SlaDocument extends OutboxDocument {

    @Id
    public String id;
    public ComplaintSla sla;
    public Instant wakeAt;
    public String leaseOwner;
    public Instant leaseUntil;
    /** Which claim (one batch of one instance) holds the lease. */
    public String leaseToken;
    public boolean overdue;
    public List<String> overdueClocks = List.of();
    public String correlationId;
    public Instant updatedAt;
    /** The due time already listed in a time bucket (as loaded); not stored. */
    @Transient
    Instant registeredWakeAt;
    /** The copy this instance saved last ({@link SlaStore#findForUpdate}) rather than the stored one; not stored. */
    @Transient
    boolean remembered;

    /**
     * True for the copy this instance saved last: good for a versioned save, which fails if the stored document moved
     * on, but not for deciding that nothing needs writing (kit {@code RecentWrites}).
     */
    public boolean remembered() {
        return remembered;
    }

    /** Keeps the timer and the overdue flag in step with the clocks; call before every save. */
    public void derive(Instant now) {
        wakeAt = sla.nextWake();
        overdue = sla.overdue();
        overdueClocks = sla.overdueClocks();
        updatedAt = now;
    }
}
