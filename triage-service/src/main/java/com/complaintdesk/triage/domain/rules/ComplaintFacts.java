package com.complaintdesk.triage.domain.rules;

import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.ComplainantType;

import java.math.BigDecimal;

/** What the classifier reads about one complaint. {@code claimedAmount} is in CNY, null when none was given. */
public record ComplaintFacts(String text, Channel channel, ComplainantType complainantType, BigDecimal claimedAmount,
                             boolean outOfHours) {
}
