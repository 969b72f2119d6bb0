package com.complaintdesk.followup.adapters;

import com.complaintdesk.contracts.events.DispatchEvents.ComplaintDispatched;
import com.complaintdesk.contracts.events.DispatchEvents.ComplaintResolved;
import com.complaintdesk.contracts.events.IntakeEvents.ComplaintReceived;
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

/** Object Mother of the other services' events that follow-up consumes. */
final class Mother {
    private Mother() {
    }

    static ComplaintReceived received(String id, ComplainantType type, String phone, String email, Instant at) {
        return new ComplaintReceived(id, Channel.PHONE, new Complainant("张三", phone, email, type, "ck-" + id),
                "电饭煲不能加热", "3F 家电区", at, at, null, List.of(), null, List.of(), "desk-07", false, at);
    }

    static ComplaintTriaged triaged(Severity severity, Flag... flags) {
        return new ComplaintTriaged("PRODUCT_QUALITY", severity, Liability.LIABLE, Set.of(flags), List.of("test"), null,
                "3F 家电区");
    }

    static ComplaintDispatched dispatched(String department, String handler, Severity severity) {
        return new ComplaintDispatched(department, handler, null, "PRODUCT_QUALITY", severity, false, false, false, "rule");
    }

    static ComplaintResolved resolved(String department, String handler) {
        return new ComplaintResolved("replaced the rice cooker", "sorry", "checked the batch", handler, department, handler);
    }
}
