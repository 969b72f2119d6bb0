package com.complaintdesk.dispatch.domain.handling;

import com.complaintdesk.contracts.model.Flag;
import com.complaintdesk.contracts.model.Liability;
import com.complaintdesk.contracts.model.Severity;

import java.util.Set;

/**
 * Everything the first dispatch needs, decided by the application from the routing table, the organisation and the
 * assignment policy. {@code handler} is null when nobody is on duty (the complaint queues). {@code manager} is the
 * department manager, {@code prManager} the PR manager to tell when the media is involved, {@code serviceSupervisor}
 * the service supervisor 服务主任 who handles a major or vicious complaint on the spot (SPEC §3.12, seed 5.3.1).
 */
public record DispatchDecision(String department, String handler, String manager, String prManager, String category,
                               Severity severity, Liability liability, Set<Flag> flags, boolean confidential,
                               String reason, String serviceSupervisor) {

    public DispatchDecision(String department, String handler, String manager, String prManager, String category,
                            Severity severity, Liability liability, Set<Flag> flags, boolean confidential, String reason) {
        this(department, handler, manager, prManager, category, severity, liability, flags, confidential, reason, null);
    }
}
