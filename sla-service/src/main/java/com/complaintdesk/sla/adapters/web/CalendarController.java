package com.complaintdesk.sla.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.kit.calendar.BusinessCalendar;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.CalendarDay;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.CalendarYearDocument;
import com.complaintdesk.sla.adapters.mongo.CalendarStore.WorkingHoursDocument;
import com.complaintdesk.sla.application.CalendarService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The business calendar as data, under /api/v1/calendar: years of holidays and make-up days, working hours. */
@RestController
@RequestMapping("/api/v1/calendar")
public class CalendarController {

    private final CalendarService calendar;

    public CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    public record YearSummary(int year, long holidays, long makeupWorkdays, String source, Instant updatedAt) {
    }

    /** The holiday-cn format of the official schedules: {@code {"days":[{"date","name","isOffDay"}]}}. */
    public record YearRequest(List<CalendarDay> days, String source) {
    }

    public record WorkingHoursRequest(String zone, Map<String, String> weekly, String makeupDayHours) {
    }

    public record DayView(LocalDate date, boolean workingDay, String open, String close) {
    }

    @GetMapping("/years")
    public List<YearSummary> years() {
        return calendar.years().stream().map(y -> new YearSummary(y.year(),
                y.days().stream().filter(CalendarDay::isOffDay).count(),
                y.days().stream().filter(d -> !d.isOffDay()).count(), y.source(), y.updatedAt())).toList();
    }

    @GetMapping("/years/{year}")
    public CalendarYearDocument year(@PathVariable int year) {
        return calendar.year(year);
    }

    /** Adds a year (e.g. 2027 once the State Council publishes it); kept in MongoDB, so it survives a restart. */
    @PutMapping("/years/{year}")
    public CalendarYearDocument putYear(@PathVariable int year, @RequestBody YearRequest request, CallerIdentity caller) {
        caller.require(Roles.HQ_ANALYST);
        return calendar.putYear(year, request.days(), request.source());
    }

    @GetMapping("/working-hours")
    public WorkingHoursDocument workingHours() {
        return calendar.workingHours();
    }

    @PutMapping("/working-hours")
    public WorkingHoursDocument putWorkingHours(@RequestBody WorkingHoursRequest request, CallerIdentity caller) {
        caller.require(Roles.HQ_ANALYST);
        return calendar.putWorkingHours(request.zone(), request.weekly(), request.makeupDayHours());
    }

    /** Whether a date is worked, and its hours: handy to check a schedule after adding it. */
    @GetMapping("/days/{date}")
    public DayView day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        BusinessCalendar cal = calendar.current();
        BusinessCalendar.Hours h = cal.hoursOn(date);
        return new DayView(date, h != null, h == null ? null : h.open().toString(), h == null ? null : h.close().toString());
    }
}
