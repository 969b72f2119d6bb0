package com.complaintdesk.followup.adapters.web;

import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.followup.application.FollowupView;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.RevisitAnswer;
import com.complaintdesk.kit.web.RequestContextFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SPEC §3.19: the complainant answers the revisit themselves (through a channel front end), once. */
@RestController
public class ComplainantRevisitController {

    private final FollowupService followup;

    public ComplainantRevisitController(FollowupService followup) {
        this.followup = followup;
    }

    /** {@code verify}: the last 4 digits of the phone, or the e-mail given with the complaint. */
    public record RevisitAnswerRequest(
            @NotBlank @Size(max = 254) String verify,
            @NotNull @Min(1) @Max(5) Integer satisfaction,
            @Size(max = 2000) String reason,
            @Size(max = 2000) String comment) {
    }

    /** What the complainant is told: whether it is closed or reopened, in plain words. No internal data. */
    public record RevisitAnswered(String complaintNumber, int satisfaction, boolean satisfied, String status, String nextStep) {
    }

    @PostMapping(path = "/api/v1/complaints/{number}/revisit", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RevisitAnswered answer(@PathVariable String number, @Valid @RequestBody RevisitAnswerRequest body) {
        FollowupView v = followup.answerByComplainant(number, body.verify(),
                RevisitAnswer.fromComplainant(body.satisfaction(), FollowupController.trim(body.reason()),
                        FollowupController.trim(body.comment())), RequestContextFilter.currentCorrelationId());
        boolean satisfied = v.revisit() != null && v.revisit().result() != null && v.revisit().result().satisfied();
        String status;
        String nextStep;
        if (v.status() == FollowupStatus.REOPENED) {
            status = "REOPENED";
            nextStep = "Your complaint has been reopened and sent back to the responsible department.";
        } else if (v.status() == FollowupStatus.CLOSED) {
            status = "CLOSED";
            nextStep = "Thank you for your feedback. Your complaint is closed.";
        } else {
            status = "RESOLVED";
            nextStep = "Thank you for your feedback. Your complaint will be closed after our final review.";
        }
        return new RevisitAnswered(number, body.satisfaction(), satisfied, status, nextStep);
    }
}
