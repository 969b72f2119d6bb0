package com.complaintdesk.kit.calendar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the official Chinese holiday schedules (State Council notices, the holiday-cn JSON format:
 * {@code days: [{date, name, isOffDay}]}) into a {@link BusinessCalendar}. {@code isOffDay=false} marks a
 * make-up working day (调休).
 */
public final class HolidayCalendarLoader {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeupWorkdays = new HashSet<>();

    public HolidayCalendarLoader addYear(InputStream schedule) {
        try (schedule) {
            JsonNode root = json.readTree(schedule);
            for (JsonNode day : root.path("days")) {
                LocalDate date = LocalDate.parse(day.path("date").asString());
                if (day.path("isOffDay").asBoolean()) {
                    holidays.add(date);
                } else {
                    makeupWorkdays.add(date);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schedules shipped with the kit (2024–2026). */
    public HolidayCalendarLoader addBundledYears() {
        for (int year : List.of(2024, 2025, 2026)) {
            InputStream in = HolidayCalendarLoader.class.getResourceAsStream("/calendar/holidays-cn/" + year + ".json");
            if (in != null) {
                addYear(in);
            }
        }
        return this;
    }

    public BusinessCalendar build(ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> workingWeekdays) {
        Map<DayOfWeek, BusinessCalendar.Hours> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : workingWeekdays) {
            weekly.put(d, new BusinessCalendar.Hours(open, close));
        }
        return new BusinessCalendar(zone, weekly, new BusinessCalendar.Hours(open, close), holidays, makeupWorkdays);
    }

    /** Mon–Fri 09:00–18:00 Asia/Shanghai with the bundled holidays: the default desk calendar. */
    public static BusinessCalendar defaultCalendar() {
        return new HolidayCalendarLoader().addBundledYears().build(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
                LocalTime.of(18, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    }
}
