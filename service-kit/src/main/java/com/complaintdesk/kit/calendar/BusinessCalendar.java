package com.complaintdesk.kit.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The working calendar of the complaint desk (SPEC §4): working hours per weekday, public holidays, and the
 * make-up working days (调休) on which a weekend day is worked. Plain Java, immutable; built from data by
 * {@link HolidayCalendarLoader}.
 */
public final class BusinessCalendar {

    /** Working hours of one weekday; {@code null} in the map means the weekday is not worked. */
    public record Hours(LocalTime open, LocalTime close) {
        public Hours {
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("close must be after open: " + open + "-" + close);
            }
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> weekly;
    private final Hours makeupDayHours;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeupWorkdays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> weekly, Hours makeupDayHours,
                            Set<LocalDate> holidays, Set<LocalDate> makeupWorkdays) {
        this.zone = zone;
        this.weekly = new EnumMap<>(weekly);
        this.makeupDayHours = makeupDayHours;
        this.holidays = Set.copyOf(holidays);
        this.makeupWorkdays = Set.copyOf(makeupWorkdays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        return makeupWorkdays.contains(date) || weekly.get(date.getDayOfWeek()) != null;
    }

    /** Working hours on that date, or null when it is not a working day. */
    public Hours hoursOn(LocalDate date) {
        if (!isWorkingDay(date)) {
            return null;
        }
        Hours h = weekly.get(date.getDayOfWeek());
        return h != null ? h : makeupDayHours;
    }

    /** SPEC §3.2: is the desk open at this instant? */
    public boolean isBusinessTime(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        Hours h = hoursOn(t.toLocalDate());
        if (h == null) {
            return false;
        }
        LocalTime time = t.toLocalTime();
        return !time.isBefore(h.open()) && time.isBefore(h.close());
    }

    /** The instant itself when inside business hours, else the start of the next business period. */
    public Instant nextBusinessStart(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        for (int i = 0; i < 400; i++) {
            LocalDate date = t.toLocalDate().plusDays(i);
            Hours h = hoursOn(date);
            if (h == null) {
                continue;
            }
            ZonedDateTime open = date.atTime(h.open()).atZone(zone);
            ZonedDateTime close = date.atTime(h.close()).atZone(zone);
            if (i == 0) {
                if (t.isBefore(open)) {
                    return open.toInstant();
                }
                if (t.isBefore(close)) {
                    return instant;
                }
                continue;
            }
            return open.toInstant();
        }
        throw new IllegalStateException("no working day within 400 days of " + instant);
    }

    /** Adds business time: only time inside working hours counts. */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Instant cursor = nextBusinessStart(start);
        long remaining = amount.toSeconds();
        for (int guard = 0; guard < 5000; guard++) {
            ZonedDateTime t = cursor.atZone(zone);
            Hours h = hoursOn(t.toLocalDate());
            long left = Duration.between(t, t.toLocalDate().atTime(h.close()).atZone(zone)).toSeconds();
            if (remaining <= left) {
                return cursor.plusSeconds(remaining);
            }
            remaining -= left;
            cursor = nextBusinessStart(t.toLocalDate().atTime(h.close()).atZone(zone).toInstant());
        }
        throw new IllegalStateException("business duration too long: " + amount);
    }

    /** Business time elapsed between two instants. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long seconds = 0;
        Instant cursor = nextBusinessStart(from);
        for (int guard = 0; guard < 5000 && cursor.isBefore(to); guard++) {
            ZonedDateTime t = cursor.atZone(zone);
            Hours h = hoursOn(t.toLocalDate());
            Instant close = t.toLocalDate().atTime(h.close()).atZone(zone).toInstant();
            Instant end = close.isBefore(to) ? close : to;
            seconds += Duration.between(cursor, end).toSeconds();
            cursor = nextBusinessStart(close);
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * End of the n-th working day after the day of {@code start} (SPEC §3.14 "within 2 working days"):
     * the close of business of that day.
     */
    public Instant endOfWorkingDaysAfter(Instant start, int workingDays) {
        LocalDate date = start.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(hoursOn(date).close()).atZone(zone).toInstant();
    }

    /** Close of business on the day of {@code instant}, or of the next working day if that day is not worked. */
    public Instant endOfBusinessDay(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        while (!isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        Instant close = date.atTime(hoursOn(date).close()).atZone(zone).toInstant();
        return close.isBefore(instant) ? endOfWorkingDaysAfter(instant, 1) : close;
    }
}
