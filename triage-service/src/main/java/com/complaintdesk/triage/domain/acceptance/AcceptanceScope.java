package com.complaintdesk.triage.domain.acceptance;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.RemedyKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The acceptance scope as data (SPEC §3.3; the seed's 附件一 is not given, so the desk writes its own): which
 * complaints are rejected, transferred to an outside body or left to an officer, and which remedies need evidence.
 * Every non-acceptance carries a reason in Chinese and English that a front end shows the complainant as it is.
 */
public record AcceptanceScope(Integer maxEventAgeDays, List<ScopeRule> rules, EvidenceRule evidence,
                              Reason emptyContent, Reason eventTooOld) {

    public AcceptanceScope {
        rules = rules == null ? List.of() : List.copyOf(rules);
        evidence = evidence == null ? new EvidenceRule(List.of(), List.of(), List.of(), null) : evidence;
        emptyContent = emptyContent == null
                ? new Reason("EMPTY_CONTENT", "投诉内容为空,请说明发生了什么。", "The complaint has no content; please tell us what happened.")
                : emptyContent;
        eventTooOld = eventTooOld == null
                ? new Reason("EVENT_TOO_OLD", "事件发生时间超出受理期限。", "The event happened too long ago for us to accept the complaint.")
                : eventTooOld;
    }

    public enum Outcome { REJECT, TRANSFER, REVIEW }

    /** A reason in both languages; {@link #text()} is what the complainant sees. */
    public record Reason(String code, String zh, String en) {
        public String text() {
            if (zh == null || zh.isBlank()) {
                return en;
            }
            return en == null || en.isBlank() ? zh : zh + " / " + en;
        }
    }

    /**
     * Applies when a term matched (if terms are given) and the category / complainant type / channel is listed
     * (if lists are given). First matching rule wins.
     */
    public record ScopeRule(String id, Outcome outcome, List<String> terms, List<String> categories,
                            List<ComplainantType> complainantTypes, List<Channel> channels, Reason reason,
                            String transferTo) {
        public ScopeRule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            categories = categories == null ? List.of() : List.copyOf(categories);
            complainantTypes = complainantTypes == null ? List.of() : List.copyOf(complainantTypes);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /** SPEC §3.3: these remedies need evidence; without any the complaint waits for the listed documents. */
    public record EvidenceRule(List<RemedyKind> remedies, List<ComplainantType> complainantTypes,
                               List<String> missingDocuments, Reason reason) {
        public EvidenceRule {
            remedies = remedies == null ? List.of() : List.copyOf(remedies);
            complainantTypes = complainantTypes == null ? List.of() : List.copyOf(complainantTypes);
            missingDocuments = missingDocuments == null ? List.of() : List.copyOf(missingDocuments);
        }
    }

    public List<String> allTerms() {
        List<String> all = new ArrayList<>();
        rules.forEach(r -> all.addAll(r.terms()));
        return all;
    }

    public List<com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem> problems() {
        List<com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem> out = new ArrayList<>();
        if (maxEventAgeDays != null && maxEventAgeDays <= 0) {
            out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem("maxEventAgeDays", "must be positive"));
        }
        for (int i = 0; i < rules.size(); i++) {
            ScopeRule r = rules.get(i);
            String at = "rules[" + i + "]";
            if (r.id() == null || r.id().isBlank()) {
                out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".id", "is required"));
            }
            if (r.outcome() == null) {
                out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".outcome", "must be REJECT, TRANSFER or REVIEW"));
            }
            if (r.reason() == null || (isBlank(r.reason().zh()) && isBlank(r.reason().en()))) {
                out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".reason", "needs a reason the complainant can read (zh and/or en)"));
            }
            if (r.outcome() == Outcome.TRANSFER && isBlank(r.transferTo())) {
                out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".transferTo", "names the body the complaint goes to"));
            }
            if (r.terms().isEmpty() && r.categories().isEmpty() && r.complainantTypes().isEmpty() && r.channels().isEmpty()) {
                out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at, "needs at least one condition"));
            }
            for (String t : r.terms()) {
                if (t == null || t.isBlank()) {
                    out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".terms", "must not contain blank terms"));
                } else if (t.startsWith("re:")) {
                    try {
                        Pattern.compile(t.substring(3));
                    } catch (PatternSyntaxException e) {
                        out.add(new com.complaintdesk.triage.domain.rules.RuleSet.RuleProblem(at + ".terms", "'" + t + "' is not a valid regular expression"));
                    }
                }
            }
        }
        return out;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
