package com.complaintdesk.sla.application;

import com.complaintdesk.sla.adapters.mongo.CalendarStore;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.CalendarDay;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.CalendarYearDocument;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.WorkingHoursDocument;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business calendar as data (SPEC §4): working hours per weekday, public holidays and make-up working days
 * (调休) per year, stored in MongoDB. The official schedules bundled with the kit (2024–2026) are loaded on first
 * start; later years are added through the API and survive a restart.
 */
@Service
public class CalendarService {

    private final CalendarStore store;
    private final SlaProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<BusinessCalendar> current = new AtomicReference<>();

    public CalendarService(CalendarStore store, SlaProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        seed();
        refresh();
    }

    private void seed() {
        for (int year : properties.calendar().bundledYears()) {
            if (store.findYear(year).isPresent()) {
                continue;
            }
            InputStream in = BusinessCalendar.class.getResourceAsStream("/calendar/holidays-cn/" + year + ".json");
            if (in == null) {
                continue;
            }
            try (in) {
                JsonNode root = json.readTree(in);
                List<CalendarDay> days = new ArrayList<>();
                for (JsonNode d : root.path("days")) {
                    days.add(new CalendarDay(LocalDate.parse(d.path("date").asString()), d.path("name").asString(),
                            d.path("isOffDay").asBoolean()));
                }
                store.insertYearIfAbsent(new CalendarYearDocument(year, days, "bundled holiday-cn " + year, clock.instant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (store.workingHours().isEmpty()) {
            Map<String, String> weekly = new LinkedHashMap<>();
            for (String line : properties.calendar().workingHours()) {
                String[] parts = line.trim().split("\\s+");
                weekly.put(DayOfWeek.valueOf(parts[0].toUpperCase()).name(), parts[1]);
            }
            store.saveWorkingHours(new WorkingHoursDocument(CalendarStore.WORKING_HOURS_ID, properties.calendar().zone().getId(),
                    weekly, properties.calendar().makeupDayHours()));
        }
    }

    /** Rebuilds the calendar from MongoDB (after an edit here, or periodically for edits on another instance). */
    public BusinessCalendar refresh() {
        WorkingHoursDocument hours = store.workingHours().orElseThrow();
        Map<DayOfWeek, BusinessCalendar.Hours> weekly = new EnumMap<>(DayOfWeek.class);
        hours.weekly().forEach((day, range) -> weekly.put(DayOfWeek.valueOf(day), parseHours(range)));
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeup = new HashSet<>();
        for (CalendarYearDocument y : store.years()) {
            for (CalendarDay d : y.days()) {
                (d.isOffDay() ? holidays : makeup).add(d.date());
            }
        }
        BusinessCalendar cal = new BusinessCalendar(ZoneId.of(hours.zone()), weekly, parseHours(hours.makeupDayHours()),
                holidays, makeup);
        current.set(cal);
        return cal;
    }

    public BusinessCalendar current() {
        return current.get();
    }

    public List<CalendarYearDocument> years() {
        return store.years();
    }

    public CalendarYearDocument year(int year) {
        return store.findYear(year).orElseThrow(() -> ApiException.notFound("Calendar year", String.valueOf(year)));
    }

    /** Adds or replaces one year's official schedule (holiday-cn format: date, name, isOffDay). */
    public CalendarYearDocument putYear(int year, List<CalendarDay> days, String source) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            errors.add(Map.of("field", "year", "message", "must be between 2000 and 2100"));
        }
        if (days == null || days.isEmpty()) {
            errors.add(Map.of("field", "days", "message", "must list the holidays and make-up working days of the year"));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < days.size(); i++) {
                CalendarDay d = days.get(i);
                if (d == null || d.date() == null) {
                    errors.add(Map.of("field", "days[" + i + "].date", "message", "is required"));
                    continue;
                }
                if (d.date().getYear() != year) {
                    errors.add(Map.of("field", "days[" + i + "].date", "message", "must be in " + year));
                }
                if (!seen.add(d.date())) {
                    errors.add(Map.of("field", "days[" + i + "].date", "message", "is listed twice"));
                }
                if (d.name() == null || d.name().isBlank()) {
                    errors.add(Map.of("field", "days[" + i + "].name", "message", "is required"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The calendar year has invalid fields.",
                    Map.of("errors", errors));
        }
        CalendarYearDocument doc = new CalendarYearDocument(year, List.copyOf(days),
                source == null || source.isBlank() ? "added by API" : source, clock.instant());
        store.saveYear(doc);
        refresh();
        return doc;
    }

    public WorkingHoursDocument workingHours() {
        return store.workingHours().orElseThrow();
    }

    /** Replaces the weekly working hours ("MONDAY" → "09:00-18:00"; a weekday left out is not worked). */
    public WorkingHoursDocument putWorkingHours(String zone, Map<String, String> weekly, String makeupDayHours) {
        List<Map<String, String>> errors = new ArrayList<>();
        String zoneId = zone == null || zone.isBlank() ? workingHours().zone() : zone;
        try {
            ZoneId.of(zoneId);
        } catch (RuntimeException e) {
            errors.add(Map.of("field", "zone", "message", "is not a time zone id (e.g. Asia/Shanghai)"));
        }
        Map<String, String> normalised = new LinkedHashMap<>();
        if (weekly == null || weekly.isEmpty()) {
            errors.add(Map.of("field", "weekly", "message", "must list at least one working weekday"));
        } else {
            weekly.forEach((day, range) -> {
                try {
                    DayOfWeek d = DayOfWeek.valueOf(day.toUpperCase());
                    parseHours(range);
                    normalised.put(d.name(), range);
                } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                    errors.add(Map.of("field", "weekly." + day, "message", "must be a weekday with hours like 09:00-18:00, open before close"));
                }
            });
        }
        String makeup = makeupDayHours == null ? workingHours().makeupDayHours() : makeupDayHours;
        try {
            parseHours(makeup);
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            errors.add(Map.of("field", "makeupDayHours", "message", "must be hours like 09:00-18:00, open before close"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The working hours have invalid fields.",
                    Map.of("errors", errors));
        }
        WorkingHoursDocument doc = new WorkingHoursDocument(CalendarStore.WORKING_HOURS_ID, zoneId, normalised, makeup);
        store.saveWorkingHours(doc);
        refresh();
        return doc;
    }

    static BusinessCalendar.Hours parseHours(String range) {
        String[] p = range.trim().split("-");
        if (p.length != 2) {
            throw new IllegalArgumentException("hours must look like 09:00-18:00: " + range);
        }
        return new BusinessCalendar.Hours(LocalTime.parse(p[0].trim()), LocalTime.parse(p[1].trim()));
    }
}
