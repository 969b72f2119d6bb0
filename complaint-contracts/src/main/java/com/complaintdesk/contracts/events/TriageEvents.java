package com.complaintdesk.contracts.events;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.util.List;
import java.util.Set;

/** Events published by triage-service on {@link Topics#TRIAGE}. */
public final class TriageEvents {
    private TriageEvents() {
    }

    /** 受理 (SPEC §3.3). */
    public record ComplaintAccepted(String decidedBy, String note) implements ComplaintEvent {
    }

    /** 不受理: the reason is shown to the complainant as it is. */
    public record ComplaintRejected(String reasonCode, String reason, String decidedBy) implements ComplaintEvent {
    }

    /** 转至有关部门: handed to an outside body, with the reason. */
    public record ComplaintTransferred(String transferredTo, String reason, String decidedBy) implements ComplaintEvent {
    }

    /** 待补齐凭证: waits for the complainant; the clocks pause. */
    public record AwaitingDocuments(List<String> missingDocuments, String reason) implements ComplaintEvent {
    }

    /** The acceptance decision was escalated to a superior (SPEC §3.4). */
    public record AcceptanceEscalated(String escalatedBy, String escalatedTo, String note) implements ComplaintEvent {
    }

    /** Classification (SPEC §3.7). {@code reasons} say which rule and which words decided each field. */
    public record ComplaintTriaged(
            String category,
            Severity severity,
            Liability liability,
            Set<Flag> flags,
            List<String> reasons,
            String collectiveCaseId,
            String subject) implements ComplaintEvent {
    }

    /** An officer (or a rule such as the collective detector or the 1-month upgrade) changed the classification. */
    public record ComplaintReclassified(
            String category,
            Severity severity,
            Liability liability,
            Set<Flag> flags,
            String correctedBy,
            String reason) implements ComplaintEvent {
    }

    /** SPEC §3.6: 5+ distinct complainants on the same matter. Published once per case, keyed by the tripping complaint. */
    public record CollectiveCaseOpened(String caseId, String category, String subject, List<String> memberComplaints)
            implements ComplaintEvent {
    }
}
