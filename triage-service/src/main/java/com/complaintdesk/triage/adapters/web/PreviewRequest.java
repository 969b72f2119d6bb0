package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §9 preview: {@code claimedAmount} is a number (CNY) or {@code {"amount": 398.00, "currency": "CNY"}} as in
 * the complaint registration.
 */
public record PreviewRequest(@NotNull(message = "is required") String content, ComplainantType complainantType,
                             Channel channel, JsonNode claimedAmount) {
}
