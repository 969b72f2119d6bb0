package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.dispatch.domain.organisation.DutySchedule;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A handler and their workload. The profile fields are edited through the API with {@code $set}; the workload fields
 * ({@code openCases}, {@code openCount}, {@code lastAssignedSeq}) change only through atomic claims and releases.
 */
@Document("handlers")
public class HandlerDocument {
    @Id
    public String id;
    public String name;
    public String employeeNo;
    @Indexed
    public String department;
    public Set<String> skills = new LinkedHashSet<>();
    public int capacity;
    public boolean alwaysOnDuty;
    public String zone;
    public List<ShiftDoc> shifts = new ArrayList<>();
    public boolean available = true;
    public List<String> openCases = new ArrayList<>();
    public int openCount;
    public long lastAssignedSeq;

    public record ShiftDoc(List<String> days, String from, String to) {
    }

    public Handler toDomain() {
        List<DutySchedule.Shift> s = new ArrayList<>();
        for (ShiftDoc d : shifts == null ? List.<ShiftDoc>of() : shifts) {
            Set<DayOfWeek> days = new TreeSet<>();
            d.days().forEach(x -> days.add(DayOfWeek.valueOf(x)));
            s.add(new DutySchedule.Shift(days, LocalTime.parse(d.from()), LocalTime.parse(d.to())));
        }
        return new Handler(id, name, employeeNo, department, skills, capacity, new DutySchedule(alwaysOnDuty, zone, s),
                available, openCount, lastAssignedSeq);
    }

    public static List<ShiftDoc> shiftsOf(DutySchedule duty) {
        return duty.shifts().stream().map(s -> new ShiftDoc(s.days().stream().map(DayOfWeek::name).sorted().toList(),
                s.from().toString(), s.to().toString())).toList();
    }
}
