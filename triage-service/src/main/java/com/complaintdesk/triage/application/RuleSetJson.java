package com.complaintdesk.triage.application;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.acceptance.AcceptanceScope;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.LabelledExample;
import com.complaintdesk.triage.domain.rules.RuleSet;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads and writes the rule data (rule sets, acceptance scopes, labelled examples) as JSON. */
public final class RuleSetJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleSetJson() {
    }

    public static JsonMapper mapper() {
        return JSON;
    }

    public static RuleSet ruleSet(String json) {
        return JSON.readValue(json, RuleSet.class);
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static RuleSet bundledRules() {
        return JSON.readValue(resource("/rules/default-rules.json"), RuleSet.class);
    }

    public static AcceptanceScope bundledScope() {
        return JSON.readValue(resource("/rules/default-acceptance-scope.json"), AcceptanceScope.class);
    }

    public static AcceptanceScope scope(String json) {
        return JSON.readValue(json, AcceptanceScope.class);
    }

    /** One labelled example a line, as in triage-dev.jsonl. */
    public static List<LabelledExample> examples(InputStream jsonl, String source) {
        List<LabelledExample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                JsonNode exp = n.get("expected");
                Set<Flag> flags = EnumSet.noneOf(Flag.class);
                exp.path("flags").forEach(f -> flags.add(Flag.valueOf(f.asString())));
                BigDecimal amount = n.path("claimedAmount").isNumber() ? n.get("claimedAmount").decimalValue() : null;
                ComplaintFacts facts = new ComplaintFacts(n.path("text").asString(""),
                        n.hasNonNull("channel") ? Channel.valueOf(n.get("channel").asString()) : null,
                        n.hasNonNull("complainantType") ? ComplainantType.valueOf(n.get("complainantType").asString()) : null,
                        amount, false);
                out.add(new LabelledExample(n.path("id").asString("line-" + (out.size() + 1)), source, facts,
                        exp.path("category").asString(), Severity.valueOf(exp.path("severity").asString()), flags));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream resource(String path) {
        InputStream in = RuleSetJson.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " missing from the class path");
        }
        return in;
    }
}
