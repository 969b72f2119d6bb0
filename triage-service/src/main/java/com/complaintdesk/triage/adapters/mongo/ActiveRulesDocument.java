package com.complaintdesk.triage.adapters.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which version of a kind of rules is in force. Instances poll this to pick up changes made elsewhere. */
@Document("rule_active")
public class ActiveRulesDocument {
    @Id
    public String kind;
    public long version;
}
