package com.complaintdesk.triage.adapters.mongo;

import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One complaint in triage, with its outbox and the ids of the events already applied. The top-level fields copy
 * what the look-ups need (same complainant, same matter) so they can be indexed.
 */
@Document("triage_cases")
@CompoundIndex(name = "same_matter", def = "{'category': 1, 'subjectKey': 1, 'receivedAt': 1}")
@CompoundIndex(name = "same_complainant", def = "{'contactKey': 1, 'receivedAt': 1}")
public class TriageCaseDocument extends OutboxDocument {
    @Id
    public String number;
    public TriageCase state;
    public String contactKey;
    public String category;
    public String subjectKey;
    public Instant receivedAt;
    @Indexed
    public TriageStatus status;
    public boolean resolved;
    public String collectiveCaseId;
    public boolean corrected;
    /** The keys of {@code triage_lookup} this complaint is listed under (Mongo-wire store only; see TriageStore). */
    public List<String> lookupKeys = new ArrayList<>();
    /** Members of a collective case this complaint opened whose upgrade is not yet written (finished on redelivery). */
    public List<String> pendingCollectiveMembers = new ArrayList<>();

    public void copyQueryFields(String subjectKey) {
        this.contactKey = state.facts().contactKey();
        this.category = state.current() == null ? null : state.current().category();
        this.subjectKey = subjectKey;
        this.receivedAt = state.facts().receivedAt();
        this.status = state.status();
        this.resolved = state.resolved();
        this.collectiveCaseId = state.collectiveCaseId();
        this.corrected = state.corrected();
    }
}
