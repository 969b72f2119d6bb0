package com.complaintdesk.triage.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One version of the rules or of the acceptance scope, never changed after it is written: the version history is
 * also the audit trail (who, when, why, what changed).
 */
@Document("rule_versions")
public class RuleVersionDocument {
    /** kind + ":" + version, unique, so two concurrent changes cannot both become version n. */
    @Id
    public String id;
    @Indexed
    public String kind;
    public long version;
    public String json;
    public Instant at;
    public String by;
    public String action;
    public String comment;
    public Long rolledBackTo;
    public String changeSummary;
}
