package com.complaintdesk.triage.adapters.mongo;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** A labelled example: the shipped dev set, or an officer's correction (SPEC §3.7: corrections are kept as examples). */
@Document("labelled_examples")
public class LabelledExampleDocument {
    /** dev-set id, or "correction:" + complaint number (the latest correction of a complaint replaces the earlier). */
    @Id
    public String id;
    @Indexed
    public String source;
    public String text;
    public Channel channel;
    public ComplainantType complainantType;
    public BigDecimal claimedAmount;
    public String category;
    public Severity severity;
    public Liability liability;
    public Set<Flag> flags;
    /** What the rules said before the correction. */
    public String rulesCategory;
    public Severity rulesSeverity;
    public Set<Flag> rulesFlags;
    public String by;
    public Instant at;
}
