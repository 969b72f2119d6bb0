package com.complaintdesk.sla.application;

import com.complaintdesk.contracts.events.SlaEvents.DailyOverdueReport;
import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.events.EventCodec;
import com.complaintdesk.kit.events.EventFactory;
import com.complaintdesk.sla.adapters.mongo.DailyReportDocument;
import com.complaintdesk.sla.adapters.mongo.SlaDocument;
import com.complaintdesk.sla.adapters.mongo.SlaStore;
import com.complaintdesk.sla.domain.SlaClock;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SPEC §3.17 (6.5.1): every business day at the configured time, the complaints past a time limit go to the
 * service supervisor as one {@link DailyOverdueReport}, keyed "daily-yyyy-MM-dd". Exactly one per day, whichever
 * instance gets there first.
 */
@Service
public class DailySupervision {

    static final int MAX_ENTRIES = 10_000;

    private final SlaStore store;
    private final CalendarService calendar;
    private final SlaProperties properties;
    private final EventFactory events;
    private final EventCodec codec;
    private final Clock clock;

    public DailySupervision(SlaStore store, CalendarService calendar, SlaProperties properties, EventFactory events,
                            EventCodec codec, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    public static String reportId(LocalDate date) {
        return "daily-" + date;
    }

    /** Publishes today's report if it is a business day, the time has come and no instance did it yet. */
    public Optional<DailyReportDocument> runIfDue() {
        if (!properties.daily().enabled()) {
            return Optional.empty();
        }
        BusinessCalendar cal = calendar.current();
        ZonedDateTime now = clock.instant().atZone(cal.zone());
        LocalDate today = now.toLocalDate();
        if (!cal.isWorkingDay(today) || now.toLocalTime().isBefore(properties.daily().at())
                || store.findDailyReport(reportId(today)).isPresent()) {
            return Optional.empty();
        }
        return publish(today);
    }

    /** Makes and publishes the report of {@code date}; empty when it already exists. */
    public Optional<DailyReportDocument> publish(LocalDate date) {
        Instant now = clock.instant();
        DailyReportDocument doc = new DailyReportDocument();
        doc.id = reportId(date);
        doc.date = date;
        doc.generatedAt = now;
        List<DailyReportDocument.OverdueEntry> entries = new ArrayList<>();
        for (SlaDocument d : store.overdue(MAX_ENTRIES)) {
            Instant since = d.sla.clocks().values().stream().filter(SlaClock::overdue).map(SlaClock::dueAt)
                    .min(Instant::compareTo).orElse(null);
            entries.add(new DailyReportDocument.OverdueEntry(d.id, d.overdueClocks, since));
        }
        doc.overdue = entries;
        List<String> ids = entries.stream().map(DailyReportDocument.OverdueEntry::complaintId).toList();
        doc.enqueue(Topics.SLA, events.envelope(doc.id, new DailyOverdueReport(date.toString(), ids), doc.id), codec);
        return store.insertDailyReport(doc) ? Optional.of(doc) : Optional.empty();
    }

    public Optional<DailyReportDocument> report(LocalDate date) {
        return store.findDailyReport(reportId(date));
    }
}
