package com.complaintdesk.contracts.events;

/** Events published by reporting-service on {@link Topics#REPORTING}. */
public final class ReportingEvents {
    private ReportingEvents() {
    }

    /** SPEC §3.18: the monthly report is ready. Keyed by the period, e.g. "2026-11". */
    public record MonthlyReportPublished(String period, String reportUrl) implements ComplaintEvent {
    }
}
