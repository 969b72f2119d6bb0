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
    /** Labelled examples shipped besides the dev set (written to check the rules on other wording). */
    public static final String SEED = "seed";

    private final MongoTemplate mongo;
    private final Clock clock;

    public LabelledExamples(MongoTemplate mongo, Clock clock, ResourceLoader resources, TriageProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        List<String> seeds = properties.rules().seedExamples();
        for (int i = 0; i < seeds.size(); i++) {
            seed(resources, seeds.get(i), i == 0 ? DEV_SET : SEED);
        }
    }

    /** Upserts the examples of one resource by id, so a restart or a second instance changes nothing. */
    private void seed(ResourceLoader resources, String location, String source) {
        var resource = resources.getResource(location);
        if (!resource.exists()) {
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            for (LabelledExample e : RuleSetJson.examples(in, source)) {
                LabelledExampleDocument d = new LabelledExampleDocument();
                d.id = source + ":" + e.id();
                d.source = source;
                d.text = e.facts().text();
                d.channel = e.facts().channel();
                d.complainantType = e.facts().complainantType();
                d.claimedAmount = e.facts().claimedAmount();
                d.category = e.category();
                d.severity = e.severity();
                d.flags = e.flags();
                d.by = source;
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
