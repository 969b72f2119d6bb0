package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.contracts.model.SolutionKind;
import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.domain.handling.HandlingStatus;
import com.complaintdesk.dispatch.domain.handling.Investigation;
import com.complaintdesk.dispatch.domain.handling.Solution;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The department's handling workflow (SPEC §3.8–3.13, §3.15), for staff behind the gateway. */
@RestController
@RequestMapping(path = "/api/v1/dispatch/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
public class DispatchController {

    private final HandlingService handling;

    public DispatchController(HandlingService handling) {
        this.handling = handling;
    }

    /** The caller's visible complaints, most recently changed first, {@code size} per page (at most 500). */
    @GetMapping
    public List<CaseView.Summary> list(@RequestParam(required = false) String department,
                                       @RequestParam(required = false) HandlingStatus status,
                                       @RequestParam(required = false) String handler,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "200") int size, CallerIdentity caller) {
        return handling.list(department, status, handler, page, size, caller).stream()
                .map(d -> CaseView.Summary.of(d.handling)).toList();
    }

    @GetMapping("/{number}")
    public CaseView get(@PathVariable String number, CallerIdentity caller) {
        return CaseView.of(handling.view(number, caller));
    }

    public record InvestigationRequest(
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String cause,
            @Size(max = 200, message = "must be at most 200 characters") String responsibleParty,
            @Size(max = 200, message = "must be at most 200 characters") String responsiblePerson,
            @Size(max = 5000, message = "must be at most 5000 characters") String findings,
            @Size(max = 20, message = "at most 20 attachments") List<@NotBlank @Size(max = 500) String> attachments) {
    }

    @PostMapping(path = "/{number}/investigation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView investigation(@PathVariable String number, @Valid @RequestBody InvestigationRequest body, CallerIdentity caller) {
        return CaseView.of(handling.recordInvestigation(number, new Investigation(body.cause(), body.responsibleParty(),
                body.responsiblePerson(), body.findings(), body.attachments(), caller.actor(), null), caller));
    }

    public record AmountRequest(
            @NotNull(message = "is required") @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals") BigDecimal amount,
            @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency) {
    }

    public record ItemRequest(
            @NotNull(message = "is required") SolutionKind kind,
            @Size(max = 1000, message = "must be at most 1000 characters") String description,
            @Valid AmountRequest amount) {

        /** Money is involved in refunds and compensation: the amount is part of the proposal (SPEC §3.9). */
        @AssertTrue(message = "a refund or compensation needs an amount")
        public boolean isAmountGivenWhereMoneyIsInvolved() {
            return kind == null || (kind != SolutionKind.REFUND && kind != SolutionKind.COMPENSATION) || amount != null;
        }
    }

    public record SolutionRequest(
            @NotEmpty(message = "needs at least one item") @Size(max = 10, message = "at most 10 items") List<@Valid ItemRequest> items,
            Boolean onSiteWorkNeeded,
            @Size(max = 10, message = "at most 10 measures") List<@NotBlank @Size(max = 1000) String> preventiveMeasures,
            /* told to the complainant with the proposal; after an appeal: why the higher level decided so */
            @Size(max = 2000, message = "must be at most 2000 characters") String explanation) {
    }

    @PostMapping(path = "/{number}/solution", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView solution(@PathVariable String number, @Valid @RequestBody SolutionRequest body, CallerIdentity caller) {
        List<SolutionItem> items = body.items().stream().map(i -> new SolutionItem(i.kind(), i.description(),
                i.amount() == null ? null : new Money(i.amount().amount(), i.amount().currency() == null ? "CNY" : i.amount().currency())))
                .toList();
        return CaseView.of(handling.proposeSolution(number, new Solution(items, Boolean.TRUE.equals(body.onSiteWorkNeeded()),
                body.preventiveMeasures(), null, caller.actor(), null, body.explanation()), caller));
    }

    public record ArrivalRequest(OffsetDateTime arrivedAt) {
    }

    /** SPEC §3.10: engineering on site. The body may be empty: arrival is then now. */
    @PostMapping(path = "/{number}/on-site-arrival")
    public CaseView onSiteArrival(@PathVariable String number, @RequestBody(required = false) ArrivalRequest body, CallerIdentity caller) {
        return CaseView.of(handling.recordOnSiteArrival(number,
                body == null || body.arrivedAt() == null ? null : body.arrivedAt().toInstant(), caller));
    }

    public record OnSiteHandlingRequest(
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String note,
            @NotNull(message = "is required") Boolean complainantAgrees) {
    }

    /** SPEC §3.12: the service supervisor's on-the-spot handling of a major or vicious complaint. */
    @PostMapping(path = "/{number}/on-site-handling", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView onSiteHandling(@PathVariable String number, @Valid @RequestBody OnSiteHandlingRequest body, CallerIdentity caller) {
        return CaseView.of(handling.recordOnSiteHandling(number, body.note(), body.complainantAgrees(), caller));
    }

    public record ManagerConsultedRequest(
            @NotBlank(message = "is required: what the manager decided or instructed")
            @Size(max = 2000, message = "must be at most 2000 characters") String instructions) {
    }

    /**
     * SPEC §3.12 (seed 5.3.2): the service supervisor consulted the department manager after the complainant still
     * disagreed; stops the 15-minute clock that the disagreement started.
     */
    @PostMapping(path = "/{number}/manager-consulted", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView managerConsulted(@PathVariable String number, @Valid @RequestBody ManagerConsultedRequest body,
                                     CallerIdentity caller) {
        return CaseView.of(handling.recordManagerConsulted(number, body.instructions(), caller));
    }

    public record ResolutionRequest(
            @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String summary,
            @Size(max = 2000, message = "must be at most 2000 characters") String apology,
            @Size(max = 5000, message = "must be at most 5000 characters") String improvements) {
    }

    @PostMapping(path = "/{number}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView resolution(@PathVariable String number, @Valid @RequestBody ResolutionRequest body, CallerIdentity caller) {
        return CaseView.of(handling.resolve(number, body.summary(), body.apology(), body.improvements(), caller));
    }

    public record PreventiveMeasureRequest(
            @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String measure) {
    }

    /** SPEC §3.15. */
    @PostMapping(path = "/{number}/preventive-measures", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView preventiveMeasure(@PathVariable String number, @Valid @RequestBody PreventiveMeasureRequest body, CallerIdentity caller) {
        return CaseView.of(handling.recordPreventiveMeasure(number, body.measure(), caller));
    }

    public record ReassignRequest(
            @Size(max = 100, message = "must be at most 100 characters") String toHandler,
            @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping(path = "/{number}/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView reassign(@PathVariable String number, @Valid @RequestBody ReassignRequest body, CallerIdentity caller) {
        return CaseView.of(handling.reassign(number, body.toHandler() == null || body.toHandler().isBlank() ? null
                : body.toHandler().trim(), body.reason(), caller));
    }

    public record TransferRequest(
            @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") String toDepartment,
            @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping(path = "/{number}/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CaseView transfer(@PathVariable String number, @Valid @RequestBody TransferRequest body, CallerIdentity caller) {
        return CaseView.of(handling.transfer(number, body.toDepartment().trim(), body.reason(), caller));
    }
}
