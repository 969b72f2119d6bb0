package com.complaintdesk.dispatch.support;

import com.complaintdesk.contracts.events.FollowupEvents.ComplaintReopened;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintReclassified;
import com.complaintdesk.contracts.events.TriageEvents.ComplaintTriaged;
import com.complaintdesk.contracts.model.Channel;
import com.complaintdesk.contracts.model.Complainant;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Object Mother for the events dispatch consumes. */
public final class Events {
    private Events() {
    }

    public static ComplaintReceived received(String number, String content, String phone, String email, ComplainantType type) {
        return new ComplaintReceived(number, Channel.PHONE, new Complainant("张三", phone, email, type, "key-" + number),
                content, "3F", null, Instant.parse("2026-11-30T02:00:00Z"), null, List.of(), null, List.of(), "desk-07",
                false, Instant.parse("2026-11-30T02:00:00Z"));
    }

    public static ComplaintReceived received(String number, String content) {
        return received(number, content, "13800138000", "zs@example.com", ComplainantType.CONSUMER);
    }

    public static ComplaintTriaged triaged(String category, Severity severity, Flag... flags) {
        return new ComplaintTriaged(category, severity, Liability.LIABLE, flags.length == 0 ? Set.of() : Set.of(flags),
                List.of("test"), null, "3F");
    }

    public static ComplaintReclassified reclassified(String category, Severity severity, Flag... flags) {
        return new ComplaintReclassified(category, severity, Liability.LIABLE, flags.length == 0 ? Set.of() : Set.of(flags),
                "officer-1", "test reclassification");
    }

    public static ComplaintReopened reopened(String reason) {
        return new ComplaintReopened(reason, 1, null);
    }
}
