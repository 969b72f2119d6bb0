package com.complaintdesk.followup.adapters.mongo;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.followup.application.FollowupConfiguration;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.Revisit;
import com.complaintdesk.followup.domain.SpecialReport;
import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One complaint's follow-up, its outbox and its processed event ids: a state change and the events it causes are
 * one document write. No contact data: only the salted digests of the second factor.
 */
@Document(FollowupConfiguration.CASES)
@CompoundIndex(name = "assignee_due", def = "{'assignee': 1, 'dueAt': 1}")
public class FollowupDocument extends OutboxDocument {
    @Id
    public String complaintId;
    public ComplainantType complainantType;
    public String phoneDigest;
    public String emailDigest;
    public Severity severity;
    public Set<Flag> flags;
    public String department;
    public String handler;
    public FollowupStatus status;
    public Revisit revisit;
    public List<Revisit> pastRevisits = new ArrayList<>();
    public int reopenCount;
    public SpecialReport specialReport;
    public String closeReason;
    public Instant closedAt;
    /** HR only (SPEC §3.20) */
    public boolean confidential;
    /** Copies of the open revisit's queue and deadline, for the per-assignee and per-date lists. */
    public String assignee;
    public Instant dueAt;
    public Instant updatedAt;
}
