package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.dispatch.application.HandlingService;
import com.complaintdesk.dispatch.domain.handling.HandlingCase;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
