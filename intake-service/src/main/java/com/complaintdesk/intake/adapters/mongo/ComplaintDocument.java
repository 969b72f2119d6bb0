package com.complaintdesk.intake.adapters.mongo;

import com.complaintdesk.contracts.events.IntakeEvents.EvidenceRef;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored complaint. Personal data fields hold AES-GCM ciphertext. Its number, status and holder fields are those of
 * {@link ComplaintStatusDocument}, the part the status projection alone reads and writes.
 */
@Document("complaints")
public class ComplaintDocument extends ComplaintStatusDocument {
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
    public int urgeCount;
}
