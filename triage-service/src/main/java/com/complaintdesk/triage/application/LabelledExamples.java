package com.complaintdesk.triage.application;

import com.complaintdesk.triage.adapters.mongo.LabelledExampleDocument;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.Verdict;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** The labelled examples in MongoDB: the shipped dev set (seeded once) and every officer correction. */
@Component
public class LabelledExamples {

    public static final String DEV_SET = "dev-set";
    public static final String CORRECTION = "correction";

    private final MongoTemplate mongo;
    private final Clock clock;

    public LabelledExamples(MongoTemplate mongo, Clock clock, ResourceLoader resources, TriageProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        seed(resources, properties.rules().seedExamples());
    }

    private void seed(ResourceLoader resources, String location) {
        if (mongo.exists(new Query(Criteria.where("source").is(DEV_SET)), LabelledExampleDocument.class)) {
            return;
        }
        var resource = resources.getResource(location);
        if (!resource.exists()) {
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            for (LabelledExample e : RuleSetJson.examples(in, DEV_SET)) {
                LabelledExampleDocument d = new LabelledExampleDocument();
                d.id = DEV_SET + ":" + e.id();
                d.source = DEV_SET;
                d.text = e.facts().text();
                d.channel = e.facts().channel();
                d.complainantType = e.facts().complainantType();
                d.claimedAmount = e.facts().claimedAmount();
                d.category = e.category();
                d.severity = e.severity();
                d.flags = e.flags();
                d.by = "dev-set";
                d.at = clock.instant();
                mongo.save(d);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Keeps an officer's correction as a labelled example; a later correction of the same complaint replaces it. */
    public void saveCorrection(TriageCase c, Verdict corrected, String by) {
        LabelledExampleDocument d = new LabelledExampleDocument();
        d.id = CORRECTION + ":" + c.number();
        d.source = CORRECTION;
        d.text = c.facts().content();
        d.channel = c.facts().channel();
        d.complainantType = c.facts().complainantType();
        d.claimedAmount = c.facts().claimedAmount();
        d.category = corrected.category();
        d.severity = corrected.severity();
        d.liability = corrected.liability();
        d.flags = corrected.flags();
        d.rulesCategory = c.automatic().category();
        d.rulesSeverity = c.automatic().severity();
        d.rulesFlags = c.automatic().flags();
        d.by = by;
        d.at = clock.instant();
        mongo.save(d);
    }

    public List<LabelledExample> all() {
        return mongo.findAll(LabelledExampleDocument.class).stream().map(LabelledExamples::toExample).toList();
    }

    public List<LabelledExample> bySource(String source) {
        return mongo.find(new Query(Criteria.where("source").is(source)), LabelledExampleDocument.class).stream()
                .map(LabelledExamples::toExample).toList();
    }

    public List<LabelledExampleDocument> corrections() {
        return documents(CORRECTION);
    }

    public List<LabelledExampleDocument> documents(String source) {
        return mongo.find(new Query(Criteria.where("source").is(source)), LabelledExampleDocument.class);
    }

    private static LabelledExample toExample(LabelledExampleDocument d) {
        return new LabelledExample(d.id, d.source,
                new ComplaintFacts(d.text, d.channel, d.complainantType, d.claimedAmount, false),
                d.category, d.severity, d.flags);
    }
}
