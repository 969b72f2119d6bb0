package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.text.AmountExtractor;
import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one version of the {@link RuleSet} to a complaint (SPEC §3.7, §8): category by the highest score of
 * matched words, flags by the flag rules, severity by the severity policy, liability by the liability rules.
 * Immutable and thread-safe; a new rule version means a new classifier.
 */
public final class Classifier {

    private final RuleSet rules;
    private final long version;
    private final TextAnalyzer analyzer;
    private final TermIndex index;
    private final CategoryOpinion secondOpinion;
    private final List<String> negationCues;
    private static final String GUESS = "second opinion: ";

    /** A statistical second opinion on the category, asked only when no category word matched. */
    public interface CategoryOpinion {
        Optional<Guess> guess(AnalyzedText text);

        record Guess(String category, double confidence, String model) {
        }
    }

    public Classifier(RuleSet rules, long version, TextAnalyzer analyzer, CategoryOpinion secondOpinion) {
        List<RuleSet.RuleProblem> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rule set has problems: " + problems);
        }
        this.rules = rules;
        this.version = version;
        this.analyzer = analyzer;
        this.index = new TermIndex(rules.allTerms(), analyzer);
        this.secondOpinion = secondOpinion;
        this.negationCues = rules.negation().cues().stream().map(c -> analyzer.normalizer().normalize(c))
                .filter(c -> !c.isEmpty()).toList();
    }

    public Classifier(RuleSet rules, long version, TextAnalyzer analyzer) {
        this(rules, version, analyzer, null);
    }

    public RuleSet rules() {
        return rules;
    }

    public long version() {
        return version;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    public Classification classify(ComplaintFacts facts) {
        return classify(analyzer.analyze(facts.text()), facts);
    }

    public Classification classify(AnalyzedText text, ComplaintFacts facts) {
        Map<String, List<TermIndex.Span>> hits = index.find(text);
        List<Reason> reasons = new ArrayList<>();

        BigDecimal amount = facts.claimedAmount();
        String amountWords = amount == null ? null : "claimed " + amount.stripTrailingZeros().toPlainString();
        for (AmountExtractor.FoundAmount found : AmountExtractor.findAll(text.text())) {
            if (amount == null || found.amount().compareTo(amount) > 0) {
                amount = found.amount();
                amountWords = found.text();
            }
        }

        String category = decideCategory(text, hits, facts, reasons);

        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Map<Flag, Reason> flagReasons = new EnumMap<>(Flag.class);
        for (RuleSet.FlagRule rule : rules.flags()) {
            if (flags.contains(rule.flag())) {
                continue;
            }
            List<String> words = flagRuleMatches(rule, text, hits, facts, amount, amountWords);
            if (words != null) {
                flags.add(rule.flag());
                flagReasons.put(rule.flag(), new Reason("flag", rule.flag().name(), ruleId(rule), words));
            }
        }
        if (facts.outOfHours()) {
            flags.add(Flag.OUT_OF_HOURS);
            flagReasons.put(Flag.OUT_OF_HOURS, new Reason("flag", Flag.OUT_OF_HOURS.name(), "received-out-of-hours", List.of()));
        }
        reasons.addAll(flagReasons.values());

        Reason severityReason = severity(category, flags, amount, amountWords, facts.complainantType());
        reasons.add(severityReason);

        Reason liabilityReason = liability(category, hits, text, facts);
        reasons.add(liabilityReason);

        boolean guessed = reasons.stream().anyMatch(r -> r.field().equals("category") && r.rule().startsWith(GUESS));
        return new Classification(category, Severity.valueOf(severityReason.value()),
                Liability.valueOf(liabilityReason.value()), flags, reasons, amount, version, guessed);
    }

    /**
     * The same classification with more flags (e.g. REPEATED from the complainant's history, COLLECTIVE from the
     * collective detector), severity decided again.
     */
    public Classification withFlags(Classification c, Map<Flag, Reason> extra, ComplainantType type) {
        if (extra.isEmpty()) {
            return c;
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(c.flags());
        flags.addAll(extra.keySet());
        List<Reason> reasons = new ArrayList<>(c.reasons().stream().filter(r -> !r.field().equals("severity")).toList());
        extra.forEach((f, r) -> {
            if (!c.flags().contains(f)) {
                reasons.add(r);
            }
        });
        Reason sev = severity(c.category(), flags, c.amount(), c.amount() == null ? null : c.amount().toPlainString(), type);
        reasons.add(sev);
        return new Classification(c.category(), Severity.valueOf(sev.value()), c.liability(), flags, reasons,
                c.amount(), c.ruleVersion(), c.categoryGuessed());
    }

    /** SPEC §8 severity for given fields, e.g. after an officer changed the flags. */
    public Severity severityOf(String category, Set<Flag> flags, BigDecimal amount, ComplainantType type) {
        return Severity.valueOf(severity(category, flags, amount, amount == null ? null : amount.toPlainString(), type).value());
    }

    private String decideCategory(AnalyzedText text, Map<String, List<TermIndex.Span>> hits, ComplaintFacts facts,
                                  List<Reason> reasons) {
        String best = null;
        int bestScore = 0;
        List<String> bestWords = List.of();
        for (RuleSet.CategoryRule c : rules.categories()) {
            int score = 0;
            Set<String> words = new LinkedHashSet<>();
            for (RuleSet.Signal s : c.signals()) {
                for (String term : s.terms()) {
                    if (hits.containsKey(term) && words.add(term)) {
                        score += s.weight();
                    }
                }
                for (RuleSet.Near near : s.near()) {
                    String pair = nearMatch(near, hits, text, false);
                    if (pair != null && words.add(pair)) {
                        score += s.weight();
                    }
                }
            }
            if (facts.complainantType() != null && c.complainantTypes().containsKey(facts.complainantType())) {
                score += c.complainantTypes().get(facts.complainantType());
                words.add("complainant " + facts.complainantType());
            }
            if (score > bestScore) {
                best = c.code();
                bestScore = score;
                bestWords = List.copyOf(words);
            }
        }
        if (best != null) {
            reasons.add(new Reason("category", best, "category-words score " + bestScore, bestWords));
            return best;
        }
        if (secondOpinion != null) {
            Optional<CategoryOpinion.Guess> guess = secondOpinion.guess(text);
            if (guess.isPresent() && rules.categoryCodes().contains(guess.get().category())) {
                CategoryOpinion.Guess g = guess.get();
 reasons.add(new Reason("category", g.category(),
                        GUESS + g.model() + " (no category word matched; confidence " + String.format(java.util.Locale.ROOT, "%.2f", g.confidence()) + ")", List.of()));
                return g.category();
            }
        }
        reasons.add(new Reason("category", rules.fallbackCategory(), "fallback (no category word matched)", List.of()));
        return rules.fallbackCategory();
    }

    private List<String> flagRuleMatches(RuleSet.FlagRule rule, AnalyzedText text, Map<String, List<TermIndex.Span>> hits,
                                         ComplaintFacts facts, BigDecimal amount, String amountWords) {
        List<String> words = new ArrayList<>();
        if (!rule.channels().isEmpty()) {
            if (facts.channel() == null || !rule.channels().contains(facts.channel())) {
                return null;
            }
            words.add("channel " + facts.channel());
        }
        if (!rule.complainantTypes().isEmpty()) {
            if (facts.complainantType() == null || !rule.complainantTypes().contains(facts.complainantType())) {
                return null;
            }
            words.add("complainant " + facts.complainantType());
        }
        if (rule.minAmount() != null) {
            if (amount == null || amount.compareTo(rule.minAmount()) < 0) {
                return null;
            }
            words.add("amount " + amountWords);
        }
        if (rule.hasTextCondition()) {
            boolean negatable = Boolean.TRUE.equals(rule.negatable());
            List<String> matched = new ArrayList<>();
            for (String term : rule.terms()) {
                List<TermIndex.Span> spans = hits.get(term);
                if (spans != null && spans.stream().anyMatch(sp -> !negatable || !negated(text, sp))) {
                    matched.add(term);
                }
            }
            for (RuleSet.Near near : rule.near()) {
                String pair = nearMatch(near, hits, text, negatable);
                if (pair != null) {
                    matched.add(pair);
                }
            }
            if (matched.isEmpty()) {
                return null;
            }
            words.addAll(matched);
        }
        return words;
    }

    /** "a…b" when a word of first and a word of second are at most {@code within} characters apart. */
    private String nearMatch(RuleSet.Near near, Map<String, List<TermIndex.Span>> hits, AnalyzedText text, boolean negatable) {
        for (String a : near.first()) {
            List<TermIndex.Span> as = hits.get(a);
            if (as == null) {
                continue;
            }
            for (String b : near.second()) {
                List<TermIndex.Span> bs = hits.get(b);
                if (bs == null) {
                    continue;
                }
                for (TermIndex.Span x : as) {
                    for (TermIndex.Span y : bs) {
                        int gap = x.start() <= y.start() ? y.start() - x.end() : x.start() - y.end();
                        if (gap <= near.within() && !(x.start() == y.start() && x.end() == y.end())) {
                            if (negatable && negated(text, x.start() <= y.start() ? x : y)) {
                                continue;
                            }
                            return a + "…" + b;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A negation cue shortly before the match, inside the same clause ("没有人受伤", "was not injured"). */
    private boolean negated(AnalyzedText text, TermIndex.Span span) {
        RuleSet.Negation n = rules.negation();
        if (n.cues().isEmpty()) {
            return false;
        }
        String s = text.text();
        boolean cjk = TermIndex.hasCjk(s.substring(span.start(), span.end()));
        int window = cjk ? n.cjkWindow() : n.latinWindow();
        int from = Math.max(0, span.start() - window);
        for (int i = span.start() - 1; i >= from; i--) {
            if (",.;!?,。;!?、:\n".indexOf(s.charAt(i)) >= 0) {
                from = i + 1;
                break;
            }
        }
        String before = s.substring(from, span.start());
        for (String c : negationCues) {
            int at = before.indexOf(c);
            if (at >= 0) {
                boolean latin = !TermIndex.hasCjk(c);
                if (!latin) {
                    return true;
                }
                boolean startOk = from + at == 0 || !Character.isLetter(s.charAt(from + at - 1));
                int endIdx = from + at + c.length();
                boolean endOk = endIdx >= s.length() || !Character.isLetter(s.charAt(endIdx));
                if (startOk && endOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private Reason severity(String category, Set<Flag> flags, BigDecimal amount, String amountWords, ComplainantType type) {
        RuleSet.SeverityPolicy p = rules.severity();
        List<String> major = flags.stream().filter(p.majorFlags()::contains).map(Flag::name).sorted().toList();
        if (!major.isEmpty()) {
            // SPEC §8: any major flag makes the complaint MAJOR
            return new Reason("severity", Severity.MAJOR.name(), "major-flags", major);
        }
        List<String> why = new ArrayList<>();
        if (p.importantCategories().contains(category)) {
            why.add("category " + category);
        }
        if (type != null && p.importantComplainantTypes().contains(type)) {
            why.add("complainant " + type);
        }
        if (p.importantAmountFrom() != null && amount != null && amount.compareTo(p.importantAmountFrom()) >= 0) {
            why.add("amount " + amountWords);
        }
        if (!why.isEmpty()) {
            return new Reason("severity", Severity.IMPORTANT.name(), "important-conditions", why);
        }
        return new Reason("severity", Severity.GENERAL.name(), "general (no major flag, no important condition)", List.of());
    }

    private Reason liability(String category, Map<String, List<TermIndex.Span>> hits, AnalyzedText text, ComplaintFacts facts) {
        RuleSet.LiabilityRules l = rules.liability();
        if (l == null) {
            return new Reason("liability", Liability.UNDETERMINED.name(), "no liability rules", List.of());
        }
        for (RuleSet.LiabilityRule rule : l.rules()) {
            if (!rule.categories().isEmpty() && !rule.categories().contains(category)) {
                continue;
            }
            if (!rule.complainantTypes().isEmpty() && (facts.complainantType() == null
                    || !rule.complainantTypes().contains(facts.complainantType()))) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String t : rule.terms()) {
                if (hits.containsKey(t)) {
                    words.add(t);
                }
            }
            for (RuleSet.Near near : rule.near()) {
                String pair = nearMatch(near, hits, text, false);
                if (pair != null) {
                    words.add(pair);
                }
            }
            boolean textual = !rule.terms().isEmpty() || !rule.near().isEmpty();
            if (!textual || !words.isEmpty()) {
                return new Reason("liability", rule.liability().name(), rule.id() == null ? "liability-rule" : rule.id(), words);
            }
        }
        Liability byCategory = l.byCategory().get(category);
        if (byCategory != null) {
            return new Reason("liability", byCategory.name(), "category default for " + category, List.of());
        }
        return new Reason("liability", l.fallback().name(), "fallback", List.of());
    }

    private static String ruleId(RuleSet.FlagRule rule) {
        return rule.id() == null ? rule.flag().name().toLowerCase(java.util.Locale.ROOT) : rule.id();
    }
}
