package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.rules.AccuracyReport;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accuracy figures on the labelled dev set (a copy of ../shared/data/triage-dev.jsonl): prints them and
 * fails below category 0.90, severity 0.90, flags F1 0.85.
 */
class AccuracyTest {

    @Test
    void the_shipped_rules_meet_the_accuracy_thresholds_on_the_dev_set() {
        List<LabelledExample> examples = RuleSetJson.examples(
                AccuracyTest.class.getResourceAsStream("/triage-dev.jsonl"), "dev-set");
        assertThat(examples).hasSizeGreaterThanOrEqualTo(30);

        AccuracyReport report = AccuracyReport.evaluate(Fixtures.CLASSIFIER, examples);
        System.out.println("[triage accuracy] " + report.summary());

        assertThat(report.categoryAccuracy()).as("category accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(report.severityAccuracy()).as("severity accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(report.flagF1()).as("flag F1").isGreaterThanOrEqualTo(0.85);
    }
}
