package com.complaintdesk.triage.domain;

import com.complaintdesk.triage.application.RuleSetJson;
import com.complaintdesk.triage.domain.acceptance.AcceptancePolicy;
import com.complaintdesk.triage.domain.rules.Classifier;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.triage.domain.text.TextNormalizer;

/** The shipped rules and text analyser, built once per test JVM (immutable). */
public final class Fixtures {

    private Fixtures() {
    }

    public static final TextAnalyzer ANALYZER = new TextAnalyzer(TextNormalizer.bundled(20_000));
    public static final Classifier CLASSIFIER = new Classifier(RuleSetJson.bundledRules(), 1, ANALYZER);
    public static final AcceptancePolicy ACCEPTANCE = new AcceptancePolicy(RuleSetJson.bundledScope(), 1, ANALYZER);
}
