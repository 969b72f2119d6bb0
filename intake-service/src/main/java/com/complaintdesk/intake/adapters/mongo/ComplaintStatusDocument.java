package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.intake.domain.ComplainantStatus;
import com.complaintdesk.intake.domain.Holder;
import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.ArrayList;

/**
 * The part of a stored complaint the status projection reads and writes ({@link ComplainantStatus}): the
 * complainant-facing status, who holds the complaint, and, from {@link OutboxDocument}, the processed event ids and
 * the version. No personal data. {@link ComplaintDocument} is the whole complaint; this alone is read only through
 * {@link ComplaintStore#findStatus} and written only through {@link ComplaintStore#updateStatus}, never saved whole.
 */
public class ComplaintStatusDocument extends OutboxDocument {
    @Id
    public String number;
    public ComplaintStatus status;
    public Acceptance acceptance;
    public String reason;
    public String nextStep;
    public Instant deadline;
    public Instant statusAt;
    /** who holds it (domain {@code Holder}): dispatch's department and confidential mark, triage's category */
    public String department;
    public boolean confidential;
    public String category;

    public ComplainantStatus toDomain() {
        return new ComplainantStatus(status, acceptance, reason, nextStep, deadline, statusAt,
                new Holder(department, confidential, category));
    }

    /** A detached copy of the status part (of this row or of a whole complaint): nothing the copy's user changes is shared. */
    ComplaintStatusDocument statusCopy() {
        ComplaintStatusDocument c = new ComplaintStatusDocument();
        c.number = number;
        c.set(toDomain());
        c.setProcessedEvents(new ArrayList<>(getProcessedEvents()));
        c.setVersion(getVersion());
        return c;
    }

    /** The status part as {@code projected}. */
    void set(ComplainantStatus projected) {
        status = projected.status();
        acceptance = projected.acceptance();
        reason = projected.reason();
        nextStep = projected.nextStep();
        deadline = projected.deadline();
        statusAt = projected.statusAt();
        department = projected.holder().department();
        confidential = projected.holder().confidential();
        category = projected.holder().category();
    }
}
