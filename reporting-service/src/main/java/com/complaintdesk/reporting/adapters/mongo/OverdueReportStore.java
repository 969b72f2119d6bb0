package com.complaintdesk.reporting.adapters.mongo;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

/**
 * The daily overdue reports (SPEC §3.17), one document per day keyed by the date, holding the report's JSON. With N
 * instances the first insert of a day wins and the others find it there.
 */
@Component
public class OverdueReportStore {

    public static final String COLLECTION = "overdue_reports";

    private final MongoTemplate mongo;

    public OverdueReportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean exists(LocalDate date) {
        return mongo.exists(new Query(Criteria.where("_id").is(date.toString())), COLLECTION);
    }

    /** @return false when that day's report was stored already (by this or another instance). */
    public boolean insert(LocalDate date, Instant generatedAt, String reportJson) {
        try {
            mongo.insert(new Document("_id", date.toString()).append("generatedAt", Date.from(generatedAt))
                    .append("reportJson", reportJson), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    public Optional<String> reportJson(LocalDate date) {
        return Optional.ofNullable(mongo.findById(date.toString(), Document.class, COLLECTION)).map(d -> d.getString("reportJson"));
    }

    /** Drops the reports of the days before {@code first}; ids are ISO dates, so they sort as days do. */
    public void removeBefore(LocalDate first) {
        mongo.remove(new Query(Criteria.where("_id").lt(first.toString())), COLLECTION);
    }
}
