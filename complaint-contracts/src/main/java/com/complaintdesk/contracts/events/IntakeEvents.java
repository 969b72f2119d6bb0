package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events published by intake-service on {@link Topics#INTAKE}. */
public final class IntakeEvents {
    private IntakeEvents() {
    }

    /** SPEC §3.1 registration. {@code outOfHours} per SPEC §3.2. */
    public record ComplaintReceived(
            String complaintNumber,
            Channel channel,
            Complainant complainant,
            String content,
            String subject,
            Instant eventOccurredAt,
            Instant receivedAt,
            Money claimedAmount,
            List<RemedyKind> requestedRemedies,
            LocalDate requestedDeadline,
            List<EvidenceRef> evidence,
            String recordedBy,
            boolean outOfHours,
            Instant businessClockStartsAt) implements ComplaintEvent {
    }

    public record EvidenceRef(String evidenceId, String name, String contentType, long sizeBytes) {
    }

    public record EvidenceAdded(EvidenceRef evidence, int evidenceCount, String addedBy) implements ComplaintEvent {
    }

    /** 催办: the complainant urged a reply. */
    public record ComplaintUrged(int urgeCount, String message) implements ComplaintEvent {
    }
}
