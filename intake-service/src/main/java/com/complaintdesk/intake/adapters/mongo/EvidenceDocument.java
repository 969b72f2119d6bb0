package com.complaintdesk.intake.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The content of one piece of evidence, kept apart from the complaint so complaint reads stay small. */
@Document("evidence")
public class EvidenceDocument {
    @Id
    public String id;
    @Indexed
    public String complaintNumber;
    public String name;
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public byte[] content;
    public Instant storedAt;
    public String storedBy;
}
