package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** SPEC §3.18: the deadline of one month's report to HQ; {@code id} is the period, e.g. "2026-11". */
@Document(MonthlyDeadlineDocument.COLLECTION)
public class MonthlyDeadlineDocument extends OutboxDocument {

    public static final String COLLECTION = "sla_monthly_reports";

    @Id
    public String id;
    public Instant dueAt;
    public Instant publishedAt;
    public Instant overdueAt;
}
