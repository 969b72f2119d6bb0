package com.complaintdesk.reporting.adapters.mongo;

import com.complaintdesk.kit.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;

/**
 * A produced monthly report, stored once per month as its JSON (metric names contain dots, which MongoDB map keys
 * may not); its outbox carries MonthlyReportPublished.
 */
public class MonthlyReportDocument extends OutboxDocument {

    @Id
    private String id;
    private String reportJson;

    public MonthlyReportDocument() {
    }

    public MonthlyReportDocument(String id, String reportJson) {
        this.id = id;
        this.reportJson = reportJson;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReportJson() {
        return reportJson;
    }

    public void setReportJson(String reportJson) {
        this.reportJson = reportJson;
    }
}
