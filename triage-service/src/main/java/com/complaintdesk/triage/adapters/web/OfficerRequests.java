package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.triage.domain.model.TriageCase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** Request bodies of the officers' actions. */
public final class OfficerRequests {

    private OfficerRequests() {
    }

    /** SPEC §3.4: {@code to} is the superior (user id or role) who decides. */
    public record Escalation(@NotBlank(message = "names the superior who decides") @Size(max = 100) String to,
                             @Size(max = 2000) String note) {
    }

    public record Decision(@NotNull(message = "must be ACCEPT, REJECT or TRANSFER") TriageCase.Decision decision,
                           @Size(max = 60) String reasonCode,
                           @Size(max = 2000) String reason,
                           @Size(max = 200) String transferTo) {
    }

    /** Fields left out stay as they are. */
    public record Correction(@Size(max = 60) String category, Severity severity, Liability liability, Set<Flag> flags,
                             @NotBlank(message = "says why the classification is corrected") @Size(max = 2000) String reason) {
    }

    public record RulesChange(@NotNull(message = "is required") tools.jackson.databind.JsonNode rules,
                              @NotBlank(message = "says why the rules change") @Size(max = 2000) String comment) {
    }

    public record Rollback(@Positive(message = "must be a version number") long version,
                           @NotBlank(message = "says why the rules are rolled back") @Size(max = 2000) String comment) {
    }
}
