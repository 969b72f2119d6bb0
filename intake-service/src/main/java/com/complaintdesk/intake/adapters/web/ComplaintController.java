package com.complaintdesk.intake.adapters.web;

import com.complaintdesk.contracts.model.Money;
import com.complaintdesk.intake.application.IntakeService;
import com.complaintdesk.intake.domain.EvidenceUpload;
import com.complaintdesk.intake.domain.IntakeComplaint;
import com.complaintdesk.intake.domain.Registration;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.RequestContextFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Complaint registration and the complainant's self-service (SPEC §3.1, §3.19, §9). */
@RestController
@RequestMapping("/api/v1/complaints")
public class ComplaintController {

    private final IntakeService intake;
    private final JsonMapper json;

    public ComplaintController(IntakeService intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public record Created(String complaintNumber, String status, String statusUrl) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> register(@Valid @RequestBody ComplaintRequest body,
                                            @RequestHeader(name = "Idempotency-Key", required = false)
                                            @Size(max = 200) String idempotencyKey,
                                            CallerIdentity caller) {
        String hash = IntakeService.sha256(json.writeValueAsBytes(body));
        var r = new Registration(body.channel(), trim(body.complainant().name()), trim(body.complainant().phone()),
                trim(body.complainant().email()), body.complainant().type(), body.content().strip(), trim(body.subject()),
                body.occurredAt() == null ? null : body.occurredAt().toInstant(),
                body.claimedAmount() == null ? null : new Money(body.claimedAmount().amount(),
                        body.claimedAmount().currency() == null ? "CNY" : body.claimedAmount().currency()),
                body.requestedRemedies() == null ? List.of() : body.requestedRemedies(),
                body.requestedDeadline(), decode(body.evidence()),
                body.recordedBy() != null ? body.recordedBy() : caller.actor());
        var result = intake.register(r, blankToNull(idempotencyKey), hash, caller, RequestContextFilter.currentCorrelationId());
        String statusUrl = "/api/v1/complaints/" + result.number() + "/status";
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + result.number()))
                .header("Idempotent-Replayed", String.valueOf(result.replayed()))
                .body(new Created(result.number(), result.status(), statusUrl));
    }

    public record StatusView(String complaintNumber, String status, String acceptance, String reason, String nextStep,
                             Instant deadline, Instant updatedAt, Instant receivedAt, int urgeCount, int evidenceCount) {
    }

    /** The complainant's view: no personal data, no internal notes. */
    @GetMapping("/{number}/status")
    public StatusView status(@PathVariable String number, @RequestParam(required = false) String verify, CallerIdentity caller) {
        IntakeComplaint c = intake.status(number, verify, caller);
        return new StatusView(c.number(), c.status().name(), c.acceptance().name(), c.reason(), c.nextStep(),
                c.deadline(), c.statusAt(), c.receivedAt(), c.urgeCount(), c.evidence().size());
    }

    public record EvidenceRequest(@jakarta.validation.constraints.NotBlank(message = "is required") String verify,
                                  @jakarta.validation.constraints.NotNull(message = "is required") @Valid ComplaintRequest.Evidence evidence) {
    }

    @PostMapping(path = "/{number}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> addEvidence(@PathVariable String number, @RequestBody @Valid EvidenceRequest body,
                                                           CallerIdentity caller) {
        var ref = intake.addEvidence(number, body.verify(), decode(List.of(body.evidence())).get(0), caller,
                RequestContextFilter.currentCorrelationId());
        return ResponseEntity.status(201).body(Map.of("evidenceId", ref.evidenceId(), "name", ref.name(),
                "contentType", ref.contentType(), "sizeBytes", ref.sizeBytes()));
    }

    @GetMapping("/{number}/evidence/{evidenceId}")
    public ResponseEntity<byte[]> evidence(@PathVariable String number, @PathVariable String evidenceId, CallerIdentity caller) {
        var e = intake.evidence(number, evidenceId, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + e.name.replace("\"", "") + "\"")
                .body(e.content);
    }

    public record UrgeRequest(@jakarta.validation.constraints.NotBlank(message = "is required") String verify,
                              @Size(max = 500, message = "must be at most 500 characters") String message) {
    }

    /** 催办 (SPEC §3.19). */
    @PostMapping(path = "/{number}/urge", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> urge(@PathVariable String number, @RequestBody @Valid UrgeRequest body, CallerIdentity caller) {
        int count = intake.urge(number, body.verify(), body.message(), caller, RequestContextFilter.currentCorrelationId());
        return Map.of("complaintNumber", number, "urgeCount", count);
    }

    private static List<EvidenceUpload> decode(List<ComplaintRequest.Evidence> evidence) {
        if (evidence == null) {
            return List.of();
        }
        List<EvidenceUpload> out = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            var e = evidence.get(i);
            try {
                out.add(new EvidenceUpload(e.name(), e.contentType(), Base64.getMimeDecoder().decode(e.contentBase64())));
            } catch (IllegalArgumentException bad) {
                throw ApiException.invalid("evidence[" + i + "].contentBase64", "must be base64");
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
