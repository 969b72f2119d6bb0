package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import com.complaintdesk.contracts.model.EscalationLevel;
import com.complaintdesk.contracts.model.SolutionItem;
import com.complaintdesk.dispatch.domain.handling.ComplainantNotice;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * SPEC §3.11: the complainant accepts or rejects the proposed solution, with the complaint number and the second
 * factor ({@code verify}: last 4 digits of the phone, or the e-mail). A rejection is an appeal one level up.
 */
@RestController
@RequestMapping(path = "/api/v1/complaints/{number}/solution", produces = MediaType.APPLICATION_JSON_VALUE)
public class ComplainantSolutionController {

    private final HandlingService handling;

    public ComplainantSolutionController(HandlingService handling) {
        this.handling = handling;
    }

    public record AcceptRequest(@NotBlank(message = "is required") @Size(max = 200) String verify,
                                @Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }

    public record RejectRequest(@NotBlank(message = "is required") @Size(max = 200) String verify,
                                @NotBlank(message = "is required: tell us why the solution does not suit you")
                                @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }

    /** What the complainant is told about their decision. */
    public record Decision(String complaintNumber, String status, String decision, String reason, String nextStep) {
    }

    /** The proposal as the complainant sees it: no staff names, no investigation internals. */
    public record ProposalView(List<SolutionItem> items, boolean onSiteWorkNeeded, String decidedBy, String explanation,
                               Instant proposedAt) {
    }

    public record ResolutionView(String summary, String apology, String improvements, Instant resolvedAt) {
    }

    /** One decision told to the complainant with its reason (SPEC §3.11, §3.13). */
    public record NoticeView(Instant at, String decision, String decidedBy, String reason) {
    }

    public record SolutionView(String complaintNumber, String status, ProposalView solution, Instant onSiteArrivedAt,
                               ResolutionView resolution, List<NoticeView> decisions, String nextStep) {
    }

    /**
     * What the complainant needs to decide: the proposed solution, every decision so far with its reason, and the
     * result once resolved. {@code verify} is the second factor, as for the status.
     */
    @GetMapping
    public SolutionView view(@PathVariable String number, @RequestParam(required = false) String verify, CallerIdentity caller) {
        HandlingCase c = handling.complainantView(number, verify);
        var s = c.solution();
        var r = c.resolution();
        String status = c.status() == null ? null : c.status().name();
        return new SolutionView(number, status,
                s == null ? null : new ProposalView(s.items(), s.onSiteWorkNeeded(), levelName(s.level()), s.explanation(), s.at()),
                c.onSiteArrivedAt(),
                r == null ? null : new ResolutionView(r.summary(), r.apology(), r.improvements(), r.at()),
                c.notices().stream().map(ComplainantSolutionController::noticeView).toList(),
                nextStep(c));
    }

    private static NoticeView noticeView(ComplainantNotice n) {
        return new NoticeView(n.at(), n.decision().name(), n.level() == null ? null : levelName(n.level()), n.reason());
    }

    private static String levelName(EscalationLevel level) {
        return switch (level) {
            case HQ -> "headquarters";
            case DEPARTMENT_MANAGER -> "the department manager";
            case SERVICE_SUPERVISOR -> "the service supervisor";
            case HANDLER -> "the responsible department";
        };
    }

    private static String nextStep(HandlingCase c) {
        if (c.status() == null) {
            return "Your complaint is being assigned.";
        }
        return switch (c.status()) {
            case QUEUED, DISPATCHED, INVESTIGATING -> "The responsible department is investigating; a solution will follow.";
            case SOLUTION_PROPOSED -> "Please accept or reject the proposed solution.";
            case APPEALED -> "Your appeal is being re-evaluated by " + levelName(c.appealLevel()) + ".";
            case IN_PROGRESS -> "The agreed solution is being carried out.";
            case RESOLVED -> "Resolved. We will contact you to ask whether you are satisfied.";
            case CLOSED -> "Your complaint is closed. Thank you.";
        };
    }

    @PostMapping(path = "/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Decision accept(@PathVariable String number, @Valid @RequestBody AcceptRequest body, CallerIdentity caller) {
        HandlingCase c = handling.acceptSolution(number, body.verify(), body.note(), caller);
        return new Decision(number, "IN_PROGRESS", "ACCEPTED", body.note(),
                c.solution() != null && c.solution().onSiteWorkNeeded()
                        ? "The agreed solution is being carried out; our engineers will be on site within 24 hours."
                        : "The agreed solution is being carried out; we will tell you when it is done.");
    }

    @PostMapping(path = "/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Decision reject(@PathVariable String number, @Valid @RequestBody RejectRequest body, CallerIdentity caller) {
        HandlingCase c = handling.rejectSolution(number, body.verify(), body.reason(), caller);
        String who = switch (c.appealLevel()) {
            case HQ -> "headquarters";
            case DEPARTMENT_MANAGER -> "the department manager";
            default -> "a senior colleague";
        };
        return new Decision(number, "APPEALED", "REJECTED", body.reason(),
                "Your appeal goes to " + who + ", who will re-evaluate the solution and tell you the result with the reason.");
    }
}
