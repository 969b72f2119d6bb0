package com.complaintdesk.sla.adapters.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The business calendar's data in MongoDB: one document per year of holidays, one for the working hours. */
@Component
public class CalendarStore {

    public static final String WORKING_HOURS_ID = "working-hours";

    /** One day of an official schedule: {@code isOffDay=false} is a make-up working day (调休). */
    public record CalendarDay(LocalDate date, String name, boolean isOffDay) {
    }

    @Document("calendar_years")
    public record CalendarYearDocument(@Id Integer year, List<CalendarDay> days, String source, Instant updatedAt) {
    }

    @Document("calendar_settings")
    public record WorkingHoursDocument(@Id String id, String zone, Map<String, String> weekly, String makeupDayHours) {
    }

    private final MongoTemplate mongo;

    public CalendarStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CalendarYearDocument> findYear(int year) {
        return Optional.ofNullable(mongo.findById(year, CalendarYearDocument.class));
    }

    public List<CalendarYearDocument> years() {
        return mongo.find(new Query().with(Sort.by("_id")), CalendarYearDocument.class);
    }

    /** First start of several instances at once: only one bundled copy is kept. */
    public void insertYearIfAbsent(CalendarYearDocument doc) {
        try {
            mongo.insert(doc);
        } catch (DuplicateKeyException e) {
            // another instance seeded it first
        }
    }

    public void saveYear(CalendarYearDocument doc) {
        mongo.save(doc);
    }

    public Optional<WorkingHoursDocument> workingHours() {
        return Optional.ofNullable(mongo.findById(WORKING_HOURS_ID, WorkingHoursDocument.class));
    }

    public void saveWorkingHours(WorkingHoursDocument doc) {
        mongo.save(doc);
    }
}
