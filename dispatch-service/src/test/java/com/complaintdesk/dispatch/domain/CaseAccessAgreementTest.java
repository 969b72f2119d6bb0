package com.complaintdesk.dispatch.domain;

import com.complaintdesk.dispatch.domain.handling.CaseAccess;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch decides reads in its own plain domain ({@link CaseAccess}, which may not depend on the kit); the other
 * services use the kit's {@link ComplaintAccess}. Both are the one rule of README "Who sees what": for every caller
 * and every kind of complaint dispatch holds (a department's, another's, HR's confidential ones) they must agree, so a
 * caller gets the same answer in dispatch as in the ledger, follow-up and the SLA views.
 */
class CaseAccessAgreementTest {

    record Complaint(String department, boolean confidential) {
    }

    static final List<Complaint> COMPLAINTS = List.of(new Complaint("ENGINEERING", false),
            new Complaint("OPERATIONS", false), new Complaint("HR", false), new Complaint("HR", true));

    static final List<Set<String>> ROLE_SETS = List.of(Set.of("ADMIN"), Set.of("SUPERVISOR"), Set.of("HQ_ANALYST"),
            Set.of("TRIAGE_OFFICER"), Set.of("HANDLER"), Set.of("DEPARTMENT_MANAGER"), Set.of("TRIAGE_OFFICER", "HANDLER"),
            Set.of("TRIAGE_OFFICER", "DEPARTMENT_MANAGER"), Set.of("SUPERVISOR", "DEPARTMENT_MANAGER"),
            Set.of("ADMIN", "DEPARTMENT_MANAGER"), Set.of("COMPLAINANT"), Set.of("CHANNEL_CLIENT"), Set.of());

    static final List<String> DEPARTMENTS = java.util.Arrays.asList(null, "SERVICE_DESK", "ENGINEERING", "HR");

    @Test
    void given_any_caller_and_any_complaint_dispatch_reads_as_the_shared_rule_does() {
        List<String> disagreements = new ArrayList<>();
        for (Set<String> roles : ROLE_SETS) {
            for (String department : DEPARTMENTS) {
                var dispatch = new CaseAccess.Caller("u-1", roles, department);
                var shared = ComplaintAccess.scopeOf(roles, department, Set.of("HR"));
                for (Complaint c : COMPLAINTS) {
                    boolean inDispatch = CaseAccess.mayRead(dispatch, c.department(), c.confidential());
                    boolean elsewhere = shared.permits(c.department(), c.confidential());
                    if (inDispatch != elsewhere) {
                        disagreements.add(roles + "@" + department + " reading " + c + ": dispatch " + inDispatch
                                + ", shared rule " + elsewhere);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
