package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.followup.domain.RevisitPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** The stored follow-up policy (one document), seeded from configuration on first start. */
@Document("policies")
public class PolicyDocument {
    public static final String CURRENT = "revisit-policy";

    @Id
    public String id;
    public RevisitPolicy policy;
    public String updatedBy;
    public Instant updatedAt;
    @Version
    public Long version;
}
