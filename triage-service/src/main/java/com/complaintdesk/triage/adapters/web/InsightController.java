package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.triage.adapters.mongo.CollectiveCaseDocument;
import com.complaintdesk.triage.adapters.mongo.LabelledExampleDocument;
import com.complaintdesk.triage.adapters.mongo.TriageStore;
import com.complaintdesk.triage.application.LabelledExamples;
import com.complaintdesk.triage.application.RuleBook;
import com.complaintdesk.triage.domain.rules.AccuracyReport;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;

/** Collective cases (SPEC §3.6) and the accuracy figures of the rules in force (issue 3). */
@RestController
@RequestMapping("/api/v1/triage")
public class InsightController {

    private final TriageStore store;
    private final RuleBook rules;
    private final LabelledExamples examples;
    private final AccessSettings access;

    public InsightController(TriageStore store, RuleBook rules, LabelledExamples examples, AccessSettings access) {
        this.store = store;
        this.rules = rules;
        this.examples = examples;
        this.access = access;
    }

    /** SPEC §3.20: a collective case of HR complaints (its members, what and where) is HR's. */
    private boolean visible(CollectiveCaseDocument d, CallerIdentity caller) {
        return !access.isConfidential(d.category, null) || access.isHr(caller);
    }

    public record CollectiveCaseView(String caseId, String category, String subject, String trippedBy, String openedAt,
                                     int distinctComplainants, List<String> members) {
        static CollectiveCaseView of(CollectiveCaseDocument d) {
            return new CollectiveCaseView(d.id, d.category, d.subject, d.trippedBy, String.valueOf(d.openedAt),
                    d.distinctComplainants, d.members);
        }
    }

    @GetMapping("/collective-cases")
    public List<CollectiveCaseView> collectiveCases(@RequestParam(defaultValue = "50") int limit, CallerIdentity caller) {
        caller.require(TriageController.STAFF);
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "must be between 1 and 500");
        }
        return store.collectiveCases(limit).stream().filter(d -> visible(d, caller)).map(CollectiveCaseView::of).toList();
    }

    @GetMapping("/collective-cases/{caseId}")
    public CollectiveCaseView collectiveCase(@PathVariable String caseId, CallerIdentity caller) {
        caller.require(TriageController.STAFF);
        return store.collectiveCase(caseId).filter(d -> visible(d, caller)).map(CollectiveCaseView::of)
                .orElseThrow(() -> ApiException.notFound("Collective case", caseId));
    }

    public record Figures(int examples, double categoryAccuracy, double severityAccuracy, double flagPrecision,
                          double flagRecall, double flagF1, List<AccuracyReport.Miss> misses) {
        static Figures of(AccuracyReport r) {
            return new Figures(r.examples(), r.categoryAccuracy(), r.severityAccuracy(), r.flagPrecision(), r.flagRecall(),
                    r.flagF1(), r.misses());
        }
    }

    /** How often officers agreed with the rules: of the triaged complaints, how many they corrected and where. */
    public record Corrections(long triaged, long corrected, double correctionRate, long categoryChanged,
                              long severityChanged, long flagsChanged) {
    }

    public record Accuracy(long ruleVersion, Figures devSet, Figures corrections, Corrections officerAgreement) {
    }

    /**
     * The rules in force measured against the labelled examples: the shipped dev set and the officers' corrections
     * (what the rules say now vs what the officer decided).
     */
    @GetMapping("/accuracy")
    public Accuracy accuracy(CallerIdentity caller) {
        caller.require(RulesController.READERS);
        var classifier = rules.classifier();
        var dev = AccuracyReport.evaluate(classifier, examples.bySource(LabelledExamples.DEV_SET));
        var corr = AccuracyReport.evaluate(classifier, examples.bySource(LabelledExamples.CORRECTION));
        List<LabelledExampleDocument> cs = examples.corrections();
        long triaged = store.countTriaged();
        long corrected = store.countCorrected();
        long cat = cs.stream().filter(d -> !Objects.equals(d.category, d.rulesCategory)).count();
        long sev = cs.stream().filter(d -> d.severity != d.rulesSeverity).count();
        long flags = cs.stream().filter(d -> !Objects.equals(d.flags, d.rulesFlags)).count();
        return new Accuracy(classifier.version(), Figures.of(dev), Figures.of(corr),
                new Corrections(triaged, corrected, triaged == 0 ? 0 : (double) corrected / triaged, cat, sev, flags));
    }

    @GetMapping("/examples")
    public List<LabelledExampleDocument> labelled(@RequestParam(defaultValue = LabelledExamples.CORRECTION) String source,
                                                  CallerIdentity caller) {
        caller.require(RulesController.READERS);
        List<LabelledExampleDocument> documents = examples.documents(source);
        if (!access.isHr(caller)) {
            // SPEC §3.20: an officer's correction keeps the complaint's text; an HR complaint's text is HR's
            // (the shipped dev set is not anyone's complaint). Changed on the loaded copies only, never saved.
            documents.stream().filter(d -> LabelledExamples.CORRECTION.equals(d.source))
                    .filter(d -> access.isConfidential(d.category, d.complainantType == null ? null : d.complainantType.name())
                            || access.isConfidential(d.rulesCategory, null))
                    .forEach(d -> d.text = TriageViews.HR_ONLY);
        }
        return documents;
    }
}
