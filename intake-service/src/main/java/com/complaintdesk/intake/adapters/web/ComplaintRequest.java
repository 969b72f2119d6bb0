package com.complaintdesk.intake.adapters.web;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.RemedyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code POST /api/v1/complaints} (SPEC §9). Only channel, complainant.type, a contact and content are required. */
public record ComplaintRequest(
        @NotNull(message = "is required") Channel channel,
        @NotNull(message = "is required") @Valid Complainant complainant,
        @NotBlank(message = "is required") @Size(max = 5000, message = "must be at most 5000 characters") String content,
        OffsetDateTime occurredAt,
        @Size(max = 200, message = "must be at most 200 characters") String subject,
        @Valid Amount claimedAmount,
        @Size(max = 10, message = "at most 10 remedies") List<@NotNull(message = "must not be null") RemedyKind> requestedRemedies,
        LocalDate requestedDeadline,
        @Size(max = 10, message = "at most 10 pieces of evidence") List<@Valid Evidence> evidence,
        @Size(max = 100, message = "must be at most 100 characters") String recordedBy) {

    public record Complainant(
            @Size(max = 100, message = "must be at most 100 characters") String name,
            @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,19}$", message = "must be a phone number of 6 to 20 digits") String phone,
            @Email(message = "must be an e-mail address") @Size(max = 200, message = "must be at most 200 characters") String email,
            @NotNull(message = "is required") ComplainantType type) {

        /** SPEC §9: one of phone or e-mail is required. */
        @AssertTrue(message = "give a phone number or an e-mail address")
        public boolean isContact() {
            return (phone != null && !phone.isBlank()) || (email != null && !email.isBlank());
        }
    }

    public record Amount(
            @NotNull(message = "is required") @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals") BigDecimal amount,
            @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency) {
    }

    public record Evidence(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotBlank(message = "is required") String contentType,
            @NotBlank(message = "is required") String contentBase64) {
    }
}
