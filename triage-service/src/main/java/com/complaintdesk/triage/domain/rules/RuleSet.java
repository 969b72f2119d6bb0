package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The triage rules as data (SPEC §3.7, §8): the category taxonomy with the words that point to each category,
 * the flag rules, the severity policy and the liability rules. A fresh install ships {@code rules/default-rules.json};
 * officers list, change and roll back the rules through the API without a restart.
 * <p>
 * A <em>term</em> is a phrase matched on whole words of the normalised text ("律师", "social media"), or a regular
 * expression on the normalised text when it starts with {@code re:} ("re:[0-9一二三四五六七八九十几多]+次").
 */
public record RuleSet(
        List<CategoryRule> categories,
        String fallbackCategory,
        List<FlagRule> flags,
        SeverityPolicy severity,
        LiabilityRules liability,
        Negation negation) {

    public RuleSet {
        categories = categories == null ? List.of() : List.copyOf(categories);
        flags = flags == null ? List.of() : List.copyOf(flags);
        fallbackCategory = fallbackCategory == null ? "OTHER" : fallbackCategory;
        negation = negation == null ? new Negation(List.of(), 3, 12) : negation;
    }

    /** One category of the taxonomy and the evidence that points to it; the highest score wins. */
    public record CategoryRule(String code, String zh, String en, List<Signal> signals,
                               Map<ComplainantType, Integer> complainantTypes) {
        public CategoryRule {
            signals = signals == null ? List.of() : List.copyOf(signals);
            complainantTypes = complainantTypes == null ? Map.of() : Map.copyOf(complainantTypes);
        }
    }

    /** Words worth {@code weight} points each (each distinct word counts once). */
    public record Signal(int weight, List<String> terms, List<Near> near) {
        public Signal {
            terms = terms == null ? List.of() : List.copyOf(terms);
            near = near == null ? List.of() : List.copyOf(near);
        }
    }

    /** A word of {@code first} and a word of {@code second} at most {@code within} characters apart, in either order. */
    public record Near(List<String> first, List<String> second, int within) {
        public Near {
            first = first == null ? List.of() : List.copyOf(first);
            second = second == null ? List.of() : List.copyOf(second);
        }
    }

    /**
     * Sets {@code flag} when every condition given holds: a term or near-pair matched (if any are given), the
     * channel is one of {@code channels}, the complainant type one of {@code complainantTypes}, the claimed amount
     * at least {@code minAmount}. {@code negatable}: a match right after a negation ("没有受伤") does not count.
     */
    public record FlagRule(String id, Flag flag, List<String> terms, List<Near> near, List<Channel> channels,
                           List<ComplainantType> complainantTypes, BigDecimal minAmount, Boolean negatable) {
        public FlagRule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            near = near == null ? List.of() : List.copyOf(near);
            channels = channels == null ? List.of() : List.copyOf(channels);
            complainantTypes = complainantTypes == null ? List.of() : List.copyOf(complainantTypes);
            negatable = negatable == null ? Boolean.TRUE : negatable;
        }

        public boolean hasTextCondition() {
            return !terms.isEmpty() || !near.isEmpty();
        }
    }

    /** SPEC §8: MAJOR on any major flag; IMPORTANT on these categories, complainant types or amounts; else GENERAL. */
    public record SeverityPolicy(Set<Flag> majorFlags, Set<String> importantCategories,
                                 Set<ComplainantType> importantComplainantTypes, BigDecimal importantAmountFrom) {
        public SeverityPolicy {
            majorFlags = majorFlags == null ? Flag.MAJOR_TRIGGERS : Set.copyOf(majorFlags);
            importantCategories = importantCategories == null ? Set.of() : Set.copyOf(importantCategories);
            importantComplainantTypes = importantComplainantTypes == null ? Set.of() : Set.copyOf(importantComplainantTypes);
        }
    }

    /** First matching rule wins, then the category's default, then {@code fallback}. */
    public record LiabilityRules(List<LiabilityRule> rules, Map<String, Liability> byCategory, Liability fallback) {
        public LiabilityRules {
            rules = rules == null ? List.of() : List.copyOf(rules);
            byCategory = byCategory == null ? Map.of() : Map.copyOf(byCategory);
            fallback = fallback == null ? Liability.UNDETERMINED : fallback;
        }
    }

    public record LiabilityRule(String id, Liability liability, List<String> terms, List<Near> near,
                                List<ComplainantType> complainantTypes, List<String> categories) {
        public LiabilityRule {
            terms = terms == null ? List.of() : List.copyOf(terms);
            near = near == null ? List.of() : List.copyOf(near);
            complainantTypes = complainantTypes == null ? List.of() : List.copyOf(complainantTypes);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /** Words that cancel a following flag word ("没有受伤", "not injured"), looked for this many characters back. */
    public record Negation(List<String> cues, int cjkWindow, int latinWindow) {
        public Negation {
            cues = cues == null ? List.of() : List.copyOf(cues);
        }
    }

    public Set<String> categoryCodes() {
        Set<String> codes = new LinkedHashSet<>();
        categories.forEach(c -> codes.add(c.code()));
        return codes;
    }

    public CategoryRule category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    /** Every term the rules use, for compiling the matcher. */
    public Set<String> allTerms() {
        Set<String> all = new LinkedHashSet<>();
        for (CategoryRule c : categories) {
            for (Signal s : c.signals()) {
                all.addAll(s.terms());
                s.near().forEach(n -> {
                    all.addAll(n.first());
                    all.addAll(n.second());
                });
            }
        }
        for (FlagRule f : flags) {
            all.addAll(f.terms());
            f.near().forEach(n -> {
                all.addAll(n.first());
                all.addAll(n.second());
            });
        }
        if (liability != null) {
            for (LiabilityRule l : liability.rules()) {
                all.addAll(l.terms());
                l.near().forEach(n -> {
                    all.addAll(n.first());
                    all.addAll(n.second());
                });
            }
        }
        all.addAll(negation.cues());
        return all;
    }

    /** Field-by-field problems that would make the rules unusable; empty when the rule set is sound. */
    public List<RuleProblem> problems() {
        List<RuleProblem> out = new ArrayList<>();
        if (categories.isEmpty()) {
            out.add(new RuleProblem("categories", "must name at least one category"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRule c = categories.get(i);
            String at = "categories[" + i + "]";
            if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]{1,40}")) {
                out.add(new RuleProblem(at + ".code", "must be an upper-case code like PRODUCT_QUALITY"));
            } else if (!seen.add(c.code())) {
                out.add(new RuleProblem(at + ".code", "duplicates " + c.code()));
            }
            for (int j = 0; j < c.signals().size(); j++) {
                Signal s = c.signals().get(j);
                if (s.weight() <= 0 || s.weight() > 100) {
                    out.add(new RuleProblem(at + ".signals[" + j + "].weight", "must be between 1 and 100"));
                }
                checkTerms(out, at + ".signals[" + j + "]", s.terms(), s.near());
            }
        }
        if (!seen.contains(fallbackCategory)) {
            out.add(new RuleProblem("fallbackCategory", "must be one of the categories"));
        }
        for (int i = 0; i < flags.size(); i++) {
            FlagRule f = flags.get(i);
            String at = "flags[" + i + "]";
            if (f.flag() == null) {
                out.add(new RuleProblem(at + ".flag", "is required"));
            }
            if (!f.hasTextCondition() && f.channels().isEmpty() && f.minAmount() == null && f.complainantTypes().isEmpty()) {
                out.add(new RuleProblem(at, "needs at least one condition (terms, near, channels, complainantTypes or minAmount)"));
            }
            if (f.minAmount() != null && f.minAmount().signum() < 0) {
                out.add(new RuleProblem(at + ".minAmount", "must not be negative"));
            }
            checkTerms(out, at, f.terms(), f.near());
        }
        if (severity == null) {
            out.add(new RuleProblem("severity", "is required"));
        } else {
            for (String c : severity.importantCategories()) {
                if (!seen.contains(c)) {
                    out.add(new RuleProblem("severity.importantCategories", c + " is not a category"));
                }
            }
            if (severity.importantAmountFrom() != null && severity.importantAmountFrom().signum() < 0) {
                out.add(new RuleProblem("severity.importantAmountFrom", "must not be negative"));
            }
        }
        if (liability != null) {
            liability.byCategory().keySet().stream().filter(c -> !seen.contains(c))
                    .forEach(c -> out.add(new RuleProblem("liability.byCategory", c + " is not a category")));
            for (int i = 0; i < liability.rules().size(); i++) {
                LiabilityRule l = liability.rules().get(i);
                if (l.liability() == null) {
                    out.add(new RuleProblem("liability.rules[" + i + "].liability", "is required"));
                }
                checkTerms(out, "liability.rules[" + i + "]", l.terms(), l.near());
            }
        }
        return out;
    }

    private static void checkTerms(List<RuleProblem> out, String at, List<String> terms, List<Near> near) {
        for (String t : terms) {
            checkTerm(out, at + ".terms", t);
        }
        for (Near n : near) {
            if (n.first().isEmpty() || n.second().isEmpty() || n.within() <= 0) {
                out.add(new RuleProblem(at + ".near", "needs words in first and second and a positive within"));
            }
            n.first().forEach(t -> checkTerm(out, at + ".near.first", t));
            n.second().forEach(t -> checkTerm(out, at + ".near.second", t));
        }
    }

    private static void checkTerm(List<RuleProblem> out, String at, String term) {
        if (term == null || term.isBlank()) {
            out.add(new RuleProblem(at, "must not contain blank terms"));
            return;
        }
        if (term.startsWith("re:")) {
            try {
                Pattern.compile(term.substring(3));
            } catch (PatternSyntaxException e) {
                out.add(new RuleProblem(at, "'" + term + "' is not a valid regular expression: " + e.getDescription()));
            }
        }
    }

    public record RuleProblem(String field, String message) {
    }
}
