package com.complaintdesk.triage.application;

import com.complaintdesk.triage.adapters.mongo.ActiveRulesDocument;
import com.complaintdesk.triage.adapters.mongo.RuleVersionDocument;
import com.complaintdesk.triage.domain.acceptance.AcceptancePolicy;
import com.complaintdesk.triage.domain.acceptance.AcceptanceScope;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.rules.RuleSet;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.kit.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules and the acceptance scope in force, as data in MongoDB (SPEC §3.7: editable without a redeploy).
 * A fresh database gets the shipped defaults as version 1. Every change or rollback writes a new version with
 * who, when and why (the audit trail) and takes effect at once here and within the refresh interval on every
 * other instance.
 */
@Component
public class RuleBook {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    public static final String RULES = "rules";
    public static final String SCOPE = "acceptance-scope";

    private final MongoTemplate mongo;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final TriageProperties properties;
    private final ResourceLoader resources;
    private final SecondOpinionTrainer secondOpinion;
    private volatile Classifier classifier;
    private volatile AcceptancePolicy acceptance;

    public RuleBook(MongoTemplate mongo, TextAnalyzer analyzer, Clock clock, TriageProperties properties,
                    ResourceLoader resources, SecondOpinionTrainer secondOpinion) {
        this.mongo = mongo;
        this.analyzer = analyzer;
        this.clock = clock;
        this.properties = properties;
        this.resources = resources;
        this.secondOpinion = secondOpinion;
        seed(RULES, read(properties.rules().defaultRules()));
        seed(SCOPE, read(properties.rules().defaultScope()));
        refresh();
    }

    public Classifier classifier() {
        return classifier;
    }

    public AcceptancePolicy acceptance() {
        return acceptance;
    }

    /** Picks up a version activated by another instance. */
    @Scheduled(fixedDelayString = "${triage.rules.refresh-interval:5s}", initialDelayString = "${triage.rules.refresh-interval:5s}")
    public void refresh() {
        long rulesVersion = activeVersion(RULES);
        if (classifier == null || classifier.version() != rulesVersion) {
            RuleSet set = RuleSetJson.ruleSet(versionDoc(RULES, rulesVersion).json);
            classifier = new Classifier(set, rulesVersion, analyzer, secondOpinion.train(set, analyzer));
            log.info("triage rules version {} in force", rulesVersion);
        }
        long scopeVersion = activeVersion(SCOPE);
        if (acceptance == null || acceptance.version() != scopeVersion) {
            acceptance = new AcceptancePolicy(RuleSetJson.scope(versionDoc(SCOPE, scopeVersion).json), scopeVersion, analyzer);
            log.info("acceptance scope version {} in force", scopeVersion);
        }
    }

    /** Re-trains the second opinion after new labelled examples (officer corrections). */
    public void retrain() {
        Classifier c = classifier;
        classifier = new Classifier(c.rules(), c.version(), analyzer, secondOpinion.train(c.rules(), analyzer));
    }

    public record VersionInfo(String kind, long version, String at, String by, String action, String comment,
                              Long rolledBackTo, String changeSummary, boolean active) {
    }

    /** Validates and activates new rules; 400 with field errors when they are unusable. */
    public VersionInfo changeRules(String json, String by, String comment) {
        RuleSet set = parse(() -> RuleSetJson.ruleSet(json));
        problemsToError(set.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        try {
            new Classifier(set, 0, analyzer);
        } catch (RuntimeException e) {
            throw ApiException.invalid("rules", "The rules cannot be compiled: " + e.getMessage());
        }
        return activate(RULES, RuleSetJson.write(set), by, "CHANGE", comment, null, summary(RULES, set));
    }

    public VersionInfo changeScope(String json, String by, String comment) {
        AcceptanceScope scope = parse(() -> RuleSetJson.scope(json));
        problemsToError(scope.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return activate(SCOPE, RuleSetJson.write(scope), by, "CHANGE", comment, null, scope.rules().size() + " scope rules");
    }

    /** Rollback = a new version with the content of an earlier one, so the history stays complete. */
    public VersionInfo rollback(String kind, long toVersion, String by, String comment) {
        RuleVersionDocument old = mongo.findById(kind + ":" + toVersion, RuleVersionDocument.class);
        if (old == null) {
            throw ApiException.notFound("Version", kind + " " + toVersion);
        }
        return activate(kind, old.json, by, "ROLLBACK", comment, toVersion, "content of version " + toVersion);
    }

    public String currentJson(String kind) {
        return versionDoc(kind, activeVersion(kind)).json;
    }

    public Optional<String> versionJson(String kind, long version) {
        return Optional.ofNullable(mongo.findById(kind + ":" + version, RuleVersionDocument.class)).map(d -> d.json);
    }

    public List<VersionInfo> history(String kind) {
        long active = activeVersion(kind);
        return mongo.find(new Query(Criteria.where("kind").is(kind)).with(Sort.by(Sort.Direction.DESC, "version")),
                RuleVersionDocument.class).stream().map(d -> info(d, active)).toList();
    }

    private VersionInfo activate(String kind, String json, String by, String action, String comment, Long rolledBackTo,
                                 String changeSummary) {
        long current = activeVersion(kind);
        RuleVersionDocument d = new RuleVersionDocument();
        d.kind = kind;
        d.version = current + 1;
        d.id = kind + ":" + d.version;
        d.json = json;
        d.at = clock.instant();
        d.by = by;
        d.action = action;
        d.comment = comment;
        d.rolledBackTo = rolledBackTo;
        d.changeSummary = changeSummary;
        try {
            mongo.insert(d);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Concurrent change",
                    "Someone else changed the " + kind + " at the same moment; reload and try again.",
                    Map.of("currentVersion", activeVersion(kind)));
        }
        mongo.findAndModify(new Query(Criteria.where("_id").is(kind).and("version").is(current)),
                new Update().set("version", d.version), FindAndModifyOptions.options().returnNew(true), ActiveRulesDocument.class);
        refresh();
        return info(d, activeVersion(kind));
    }

    private void seed(String kind, String json) {
        if (mongo.findById(kind, ActiveRulesDocument.class) != null) {
            return;
        }
        RuleVersionDocument d = new RuleVersionDocument();
        d.kind = kind;
        d.version = 1;
        d.id = kind + ":1";
        d.json = json;
        d.at = clock.instant();
        d.by = "system";
        d.action = "SEED";
        d.comment = "the shipped defaults";
        try {
            mongo.insert(d);
        } catch (DuplicateKeyException raced) {
            // another instance seeded it
        }
        ActiveRulesDocument a = new ActiveRulesDocument();
        a.kind = kind;
        a.version = 1;
        try {
            mongo.insert(a);
        } catch (DuplicateKeyException raced) {
            // another instance seeded it
        }
    }

    private long activeVersion(String kind) {
        ActiveRulesDocument a = mongo.findById(kind, ActiveRulesDocument.class);
        if (a == null) {
            throw new IllegalStateException("no active " + kind);
        }
        return a.version;
    }

    private RuleVersionDocument versionDoc(String kind, long version) {
        RuleVersionDocument d = mongo.findById(kind + ":" + version, RuleVersionDocument.class);
        if (d == null) {
            throw new IllegalStateException("missing " + kind + " version " + version);
        }
        return d;
    }

    private static VersionInfo info(RuleVersionDocument d, long active) {
        return new VersionInfo(d.kind, d.version, String.valueOf(d.at), d.by, d.action, d.comment, d.rolledBackTo,
                d.changeSummary, d.version == active);
    }

    private String summary(String kind, RuleSet set) {
        int terms = set.allTerms().size();
        return set.categories().size() + " categories, " + set.flags().size() + " flag rules, " + terms + " terms";
    }

    private static <T> T parse(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (JacksonException e) {
            throw ApiException.invalid("body", "The rules are not valid JSON for this shape: " + e.getOriginalMessage());
        }
    }

    private static void problemsToError(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The rules have problems; nothing was changed.",
                    Map.of("type", "urn:problem:invalid-request", "errors", errors));
        }
    }

    private String read(String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
