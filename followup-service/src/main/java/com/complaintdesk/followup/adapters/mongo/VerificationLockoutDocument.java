package com.complaintdesk.followup.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** Wrong second factors given for one complaint number; {@code expireAt} lets MongoDB drop it when it means nothing. */
@Document(VerificationLockoutStore.COLLECTION)
public class VerificationLockoutDocument {
    @Id
    public String complaintId;
    public int failures;
    public Instant windowStart;
    public Instant lockedUntil;
    public Instant expireAt;
    @Version
    public Long version;
}
