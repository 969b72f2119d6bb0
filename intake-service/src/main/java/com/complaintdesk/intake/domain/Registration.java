package com.complaintdesk.intake.domain;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.RemedyKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The command to register a complaint (SPEC §3.1), already validated for shape. */
public record Registration(
        Channel channel,
        String name,
        String phone,
        String email,
        ComplainantType complainantType,
        String content,
        String subject,
        Instant eventOccurredAt,
        Money claimedAmount,
        List<RemedyKind> requestedRemedies,
        LocalDate requestedDeadline,
        List<EvidenceUpload> evidence,
        String recordedBy) {
}
