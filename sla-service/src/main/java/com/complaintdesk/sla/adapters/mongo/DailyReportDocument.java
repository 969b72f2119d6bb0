package com.complaintdesk.sla.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** SPEC §3.17: one day's overdue list, published once (the id "daily-yyyy-MM-dd" makes a second one impossible). */
@Document(SlaStore.DAILY_REPORTS)
public class DailyReportDocument extends OutboxDocument {

    @Id
    public String id;
    public LocalDate date;
    public List<OverdueEntry> overdue = List.of();
    public Instant generatedAt;

    public record OverdueEntry(String complaintId, List<String> clocks, Instant since) {
    }
}
