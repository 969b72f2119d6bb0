package com.complaintdesk.triage.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SPEC §3.6: one collective case; its CollectiveCaseOpened event is published once, from this document's outbox. */
@Document("collective_cases")
public class CollectiveCaseDocument extends OutboxDocument {
    @Id
    public String id;
    public String category;
    public String subject;
    public String subjectKey;
    public String trippedBy;
    public Instant openedAt;
    public int distinctComplainants;
    public List<String> members = new ArrayList<>();
}
