package com.complaintdesk.dispatch.domain.organisation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * When a handler is on duty: either round the clock (the duty roster's 24/7 seat) or a list of weekly shifts in the
 * schedule's time zone. A shift whose end is not after its start runs overnight (e.g. 22:00–06:00).
 */
public record DutySchedule(boolean alwaysOnDuty, String zone, List<Shift> shifts) {

    public record Shift(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        boolean covers(ZonedDateTime t) {
            LocalTime time = t.toLocalTime();
            if (to.isAfter(from)) {
                return days.contains(t.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
            }
            // overnight: the part after "from" belongs to the day it starts, the part before "to" to the day before
            return days.contains(t.getDayOfWeek()) && !time.isBefore(from)
                    || days.contains(t.getDayOfWeek().minus(1)) && time.isBefore(to);
        }
    }

    public DutySchedule {
        zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone;
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    public static DutySchedule roundTheClock() {
        return new DutySchedule(true, "Asia/Shanghai", List.of());
    }

    public static DutySchedule weekly(Shift... shifts) {
        return new DutySchedule(false, "Asia/Shanghai", List.of(shifts));
    }

    public boolean isOnDuty(Instant at) {
        if (alwaysOnDuty) {
            return true;
        }
        ZonedDateTime t = at.atZone(ZoneId.of(zone));
        return shifts.stream().anyMatch(s -> s.covers(t));
    }
}
