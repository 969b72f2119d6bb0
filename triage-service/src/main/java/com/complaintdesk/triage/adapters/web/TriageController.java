package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.http.IdentityHeaders;
import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.triage.adapters.mongo.TriageCaseDocument;
import com.complaintdesk.triage.application.LabelledExamples;
import com.complaintdesk.triage.application.RuleBook;
import com.complaintdesk.triage.application.TriageProperties;
import com.complaintdesk.triage.application.TriageService;
import com.complaintdesk.triage.domain.acceptance.AcceptanceDecision;
import com.complaintdesk.triage.domain.acceptance.AcceptancePolicy;
import com.complaintdesk.triage.domain.model.TriageCase;
import com.complaintdesk.triage.domain.model.TriageStatus;
import com.complaintdesk.triage.domain.model.Verdict;
import com.complaintdesk.triage.domain.rules.Classification;
import com.complaintdesk.triage.domain.rules.ComplaintFacts;
import com.complaintdesk.triage.domain.rules.Reason;
import com.complaintdesk.triage.domain.rules.RuleSet;
import com.complaintdesk.triage.domain.text.AnalyzedText;
import com.complaintdesk.triage.domain.text.TextAnalyzer;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The triage API under /api/v1/triage (the gateway routes that prefix here). */
@RestController
@RequestMapping("/api/v1/triage")
public class TriageController {

    /**
     * Who reads the desk's complaints here (README "Who sees what"): the desk and those who read across departments,
     * and department managers as the superiors an undecidable acceptance goes to (SPEC §3.4). Not handlers: triage
     * does not know a complaint's department, and a handler reads only their department's (in dispatch).
     */
    static final String[] STAFF = {Roles.TRIAGE_OFFICER, Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER, Roles.HQ_ANALYST};
    static final String[] DECIDERS = {Roles.TRIAGE_OFFICER, Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER};
    static final String[] SUPERIORS = {Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER};

    private final TriageService triage;
    private final RuleBook rules;
    private final LabelledExamples examples;
    private final TextAnalyzer analyzer;
    private final TriageProperties properties;
    private final AccessSettings access;

    public TriageController(TriageService triage, RuleBook rules, LabelledExamples examples, TextAnalyzer analyzer,
                            TriageProperties properties, AccessSettings access) {
        this.triage = triage;
        this.rules = rules;
        this.examples = examples;
        this.analyzer = analyzer;
        this.properties = properties;
        this.access = access;
    }

    private TriageViews.ComplaintView view(TriageCaseDocument d, CallerIdentity caller) {
        return TriageViews.ComplaintView.of(d, caller, access);
    }

    public record PreviewResponse(String category, String severity, String liability, List<String> flags,
                                  List<String> reasons, Map<String, String> categoryName, BigDecimal amount,
                                  List<Reason> evidence, PreviewAcceptance acceptance, long ruleVersion, boolean truncated) {
    }

    public record PreviewAcceptance(String outcome, String reasonCode, String reason, String transferTo,
                                    String reasonZh, String reasonEn) {
    }

    /** SPEC §9: what the rules would decide for a text, registering nothing. Channel clients and staff. */
    @PostMapping("/preview")
    public PreviewResponse preview(@Valid @RequestBody PreviewRequest request, CallerIdentity caller) {
        if (caller.channelClient() == null && !caller.isStaff()) {
            throw ApiException.forbidden("Preview is for channel front ends and staff.");
        }
        if (request.content().isBlank()) {
            throw ApiException.invalid("content", "must not be empty or only spaces");
        }
        if (request.content().length() > properties.text().previewMaxChars()) {
            throw ApiException.invalid("content", "is longer than " + properties.text().previewMaxChars() + " characters");
        }
        BigDecimal amount = amount(request.claimedAmount());
        ComplaintFacts facts = new ComplaintFacts(request.content(), request.channel(), request.complainantType(), amount, false);
        var classifier = rules.classifier();
        AnalyzedText text = analyzer.analyze(request.content());
        Classification c = classifier.classify(text, facts);
        AcceptanceDecision a = rules.acceptance().decide(new AcceptancePolicy.Facts(text,
                c.wordCategory(classifier.rules().fallbackCategory()),
                request.complainantType(), request.channel(), List.of(), 0, null, null));
        RuleSet.CategoryRule cat = classifier.rules().category(c.category());
        return new PreviewResponse(c.category(), c.severity().name(), c.liability().name(),
                c.sortedFlags().stream().map(Enum::name).toList(), c.reasonLines(),
                cat == null ? Map.of() : Map.of("zh", String.valueOf(cat.zh()), "en", String.valueOf(cat.en())),
                c.amount(), c.reasons(), new PreviewAcceptance(a.kind().name(), a.reasonCode(), a.reason(), a.transferTo(),
                        a.reasonZh(), a.reasonEn()),
                c.ruleVersion(), text.truncated());
    }

    @GetMapping("/complaints/{number}")
    public TriageViews.ComplaintView complaint(@PathVariable String number, CallerIdentity caller) {
        caller.require(STAFF);
        return view(triage.get(number), caller);
    }

    /** The officers' queue: complaints waiting for a decision (PENDING_REVIEW, ESCALATED, AWAITING_DOCUMENTS). */
    @GetMapping("/complaints")
    public List<TriageViews.ComplaintView> queue(@RequestParam(defaultValue = "PENDING_REVIEW") TriageStatus status,
                                                 @RequestParam(defaultValue = "50") int limit, CallerIdentity caller) {
        caller.require(STAFF);
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "must be between 1 and 500");
        }
        return triage.queue(status, limit).stream().map(d -> view(d, caller)).toList();
    }

    /** An officer takes an undecided complaint from the queue. */
    @PostMapping("/complaints/{number}/take")
    public TriageViews.ComplaintView take(@PathVariable String number, CallerIdentity caller) {
        caller.require(DECIDERS);
        return view(triage.take(number, caller.actor()), caller);
    }

    /** SPEC §3.4: an officer hands an undecidable acceptance to a superior. */
    @PostMapping("/complaints/{number}/escalation")
    public TriageViews.ComplaintView escalate(@PathVariable String number, @Valid @RequestBody OfficerRequests.Escalation body,
                                              CallerIdentity caller,
                                              @RequestHeader(value = IdentityHeaders.CORRELATION_ID, required = false) String correlationId) {
        caller.require(Roles.TRIAGE_OFFICER);
        return view(triage.escalate(number, caller.actor(), body.to(), body.note(), correlationId), caller);
    }

    /** The acceptance decision by an officer; once escalated, only a superior decides. */
    @PostMapping("/complaints/{number}/decision")
    public TriageViews.ComplaintView decide(@PathVariable String number, @Valid @RequestBody OfficerRequests.Decision body,
                                            CallerIdentity caller,
                                            @RequestHeader(value = IdentityHeaders.CORRELATION_ID, required = false) String correlationId) {
        caller.require(DECIDERS);
        var current = triage.get(number);
        if (current.state.status() == TriageStatus.ESCALATED && !caller.hasAnyRole(SUPERIORS)) {
            throw ApiException.forbidden("This decision was escalated to " + current.state.escalatedTo() + "; a supervisor or department manager decides.");
        }
        if (body.decision() != TriageCase.Decision.ACCEPT && (body.reason() == null || body.reason().isBlank())) {
            throw ApiException.invalid("reason", "a rejection or transfer needs a reason the complainant can read");
        }
        if (body.decision() == TriageCase.Decision.TRANSFER && (body.transferTo() == null || body.transferTo().isBlank())) {
            throw ApiException.invalid("transferTo", "names the body the complaint is transferred to");
        }
        String code = body.reasonCode() != null ? body.reasonCode()
                : body.decision() == TriageCase.Decision.ACCEPT ? null : "OFFICER_DECISION";
        return view(triage.decide(number, body.decision(), caller.actor(), code, body.reason(),
                body.transferTo(), correlationId), caller);
    }

    /** SPEC §3.7: an officer corrects the classification; kept as a labelled example. */
    @PostMapping("/complaints/{number}/corrections")
    public TriageViews.ComplaintView correct(@PathVariable String number, @Valid @RequestBody OfficerRequests.Correction body,
                                             CallerIdentity caller,
                                             @RequestHeader(value = IdentityHeaders.CORRELATION_ID, required = false) String correlationId) {
        caller.require(Roles.TRIAGE_OFFICER, Roles.SUPERVISOR);
        var doc = triage.get(number);
        if (doc.state.status() != TriageStatus.TRIAGED) {
            throw ApiException.illegalState("Only a triaged complaint can be corrected.", doc.state.status());
        }
        Verdict corrected = triage.corrected(doc.state, body.category(), body.severity(), body.liability(), body.flags(),
                caller.actor(), body.reason());
        var saved = triage.correct(number, corrected, caller.actor(), body.reason(), correlationId);
        examples.saveCorrection(saved.state, corrected, caller.actor());
        rules.retrain();
        return view(saved, caller);
    }

    static BigDecimal amount(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        BigDecimal value;
        String currency = "CNY";
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isObject() && node.path("amount").isNumber()) {
            value = node.get("amount").decimalValue();
            currency = node.path("currency").asString("CNY");
        } else {
            throw ApiException.invalid("claimedAmount", "must be a number or {\"amount\": number, \"currency\": \"CNY\"}");
        }
        if (value.signum() < 0) {
            throw ApiException.invalid("claimedAmount", "must not be negative");
        }
        return currency.equalsIgnoreCase("CNY") || currency.equalsIgnoreCase("RMB") ? value : null;
    }
}
