package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.model.Acceptance;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.ComplaintStatus;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;
import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The stored complaint. Personal data fields hold AES-GCM ciphertext. */
@Document("complaints")
public class ComplaintDocument extends OutboxDocument {
    @Id
    public String number;
    /** channel client + Idempotency-Key, or "none:" + number; unique, so a retried POST never makes a second complaint. */
    @Indexed(unique = true)
    public String idempotencyId;
    public String requestHash;
    public Channel channel;
    public String nameSealed;
    public String phoneSealed;
    public String emailSealed;
    public ComplainantType complainantType;
    @Indexed
    public String contactKey;
    public String content;
    public String subject;
    public Instant eventOccurredAt;
    public Instant receivedAt;
    public Money claimedAmount;
    public List<RemedyKind> requestedRemedies = new ArrayList<>();
    public LocalDate requestedDeadline;
    public List<EvidenceRef> evidence = new ArrayList<>();
    public String recordedBy;
    public boolean outOfHours;
    public Instant businessClockStartsAt;
    public ComplaintStatus status;
    public Acceptance acceptance;
    public String reason;
    public String nextStep;
    public Instant deadline;
    public Instant statusAt;
    public int urgeCount;
    /** who holds it (domain {@code Holder}): dispatch's department and confidential mark, triage's category */
    public String department;
    public boolean confidential;
    public String category;
}
