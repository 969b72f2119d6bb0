package com.complaintdesk.followup.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.followup.application.FollowupService;
import com.complaintdesk.followup.application.SecondFactorLocked;
import com.complaintdesk.followup.application.FollowupView;
import com.complaintdesk.followup.domain.FollowupStatus;
import com.complaintdesk.followup.domain.RevisitAnswer;
import com.complaintdesk.kit.audit.AuditTrail;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.CallerIdentityResolver;
import com.complaintdesk.contracts.http.IdentityHeaders;
import jakarta.servlet.http.HttpServletRequest;
import com.complaintdesk.kit.web.RequestContextFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** SPEC §3.19: the complainant answers the revisit themselves (through a channel front end), once. */
@RestController
@Validated
public class ComplainantRevisitController {

    private final FollowupService followup;
    private final Clock clock;
    private final AuditTrail audit;

    public ComplainantRevisitController(FollowupService followup, Clock clock, AuditTrail audit) {
        this.followup = followup;
        this.audit = audit;
        this.clock = clock;
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
    public RevisitAnswered answer(@PathVariable @Size(max = 64) String number, @Valid @RequestBody RevisitAnswerRequest body,
                                  CallerIdentity caller) {
        // SPEC §1: the complainant answers through a channel front end; staff record revisits on the staff route
        if (caller.channelClient() == null && !caller.hasAnyRole(Roles.CHANNEL_CLIENT, Roles.COMPLAINANT)) {
            throw ApiException.forbidden("The complainant answers a revisit through a channel front end; staff record "
                    + "revisits with POST /api/v1/followup/revisits/{complaintId}/attempts.");
        }
        FollowupView v = followup.answerByComplainant(number, body.verify(),
                RevisitAnswer.fromComplainant(body.satisfaction(), FollowupController.trim(body.reason()),
                        FollowupController.trim(body.comment())), RequestContextFilter.currentCorrelationId());
        audit.record(caller, "REVISIT_ANSWERED_BY_COMPLAINANT", number,
                FollowupController.auditDetails("satisfaction", body.satisfaction(), "status", v.status().name()));
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

    /** Too many wrong second factors for this number: 429 with Retry-After, like the gateway's own limit. */
    @ExceptionHandler(SecondFactorLocked.class)
    ResponseEntity<ProblemDetail> locked(SecondFactorLocked e, HttpServletRequest request) {
        CallerIdentity caller = CallerIdentityResolver.fromHeaders(request.getHeader(IdentityHeaders.USER_ID),
                request.getHeader(IdentityHeaders.ROLES), request.getHeader(IdentityHeaders.DEPARTMENT),
                request.getHeader(IdentityHeaders.CHANNEL_CLIENT));
        audit.record(caller, "REVISIT_ANSWER_REFUSED_LOCKED", e.complaintId(), Map.of("lockedUntil", e.until().toString()));
        long seconds = Math.max(1, Duration.between(clock.instant(), e.until()).toSeconds());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many wrong verifications for this complaint number. Try again in " + ((seconds + 59) / 60)
                        + " minute(s).");
        p.setTitle("Too many requests");
        p.setType(URI.create("urn:problem:too-many-requests"));
        p.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(p);
    }
}
