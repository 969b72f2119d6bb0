package com.complaintdesk.dispatch.domain;

import com.complaintdesk.dispatch.application.CaseVisibility;
import com.complaintdesk.dispatch.domain.handling.CaseAccess;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Outcome;
import com.complaintdesk.dispatch.domain.handling.CaseAccess.Work;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.kit.web.ComplaintAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch reads through the shared rule of README "Who sees what" (the kit's {@link ComplaintAccess}, with the
 * configured HR departments), handed to its plain domain by {@link CaseVisibility}; {@link CaseAccess} adds who may
 * act. For every caller and every kind of complaint dispatch holds: a read in dispatch answers as the shared rule
 * does (so a caller gets the same answer in dispatch as in the ledger, follow-up and the SLA views), and the acting
 * rules never let anyone work on, or learn of, a confidential complaint the shared rule hides from them.
 * <p>The HR departments are configured as {@code HR, HR_SHARED}, so a department name taken for granted anywhere on
 * the way shows.
 */
class CaseAccessAgreementTest {

    static final AccessSettings SETTINGS = new AccessSettings(Set.of("HR", "HR_SHARED"), Set.of("WORKPLACE"), Set.of("EMPLOYEE"));
    static final CaseVisibility VISIBILITY = new CaseVisibility(SETTINGS);
    static final String USER = "u-1";

    record Complaint(String department, boolean confidential) {
    }

    /** ENGINEERING confidential: an HR complaint transferred out of HR stays confidential (SPEC §3.20). */
    static final List<Complaint> COMPLAINTS = List.of(new Complaint("ENGINEERING", false),
            new Complaint("OPERATIONS", false), new Complaint("HR", false), new Complaint("HR", true),
            new Complaint("HR_SHARED", true), new Complaint("ENGINEERING", true));

    static final List<Set<String>> ROLE_SETS = List.of(Set.of("ADMIN"), Set.of("SUPERVISOR"), Set.of("HQ_ANALYST"),
            Set.of("TRIAGE_OFFICER"), Set.of("HANDLER"), Set.of("DEPARTMENT_MANAGER"), Set.of("TRIAGE_OFFICER", "HANDLER"),
            Set.of("TRIAGE_OFFICER", "DEPARTMENT_MANAGER"), Set.of("SUPERVISOR", "DEPARTMENT_MANAGER"),
            Set.of("ADMIN", "DEPARTMENT_MANAGER"), Set.of("HQ_ANALYST", "HANDLER"), Set.of("COMPLAINANT"),
            Set.of("CHANNEL_CLIENT"), Set.of());

    static final List<String> DEPARTMENTS = Arrays.asList(null, "SERVICE_DESK", "ENGINEERING", "HR", "HR_SHARED");

    interface Check {
        void check(Set<String> roles, String department, ComplaintAccess.Scope shared, CaseAccess.Caller inDispatch,
                   Complaint complaint, List<String> disagreements);
    }

    static List<String> everyCallerAndComplaint(Check check) {
        List<String> disagreements = new ArrayList<>();
        for (Set<String> roles : ROLE_SETS) {
            for (String department : DEPARTMENTS) {
                var shared = SETTINGS.scopeOf(new CallerIdentity(USER, roles, department, null));
                var inDispatch = VISIBILITY.caller(USER, roles, department);
                for (Complaint c : COMPLAINTS) {
                    check.check(roles, department, shared, inDispatch, c, disagreements);
                }
            }
        }
        return disagreements;
    }

    @Test
    void given_any_caller_and_any_complaint_dispatch_reads_as_the_shared_rule_does() {
        var disagreements = everyCallerAndComplaint((roles, department, shared, inDispatch, c, out) -> {
            Outcome read = CaseAccess.decide(inDispatch, Work.READ, c.department(), USER, c.confidential());
            boolean elsewhere = shared.permits(c.department(), c.confidential());
            if ((read == Outcome.ALLOWED) != elsewhere) {
                out.add(roles + "@" + department + " reading " + c + ": dispatch " + read + ", shared rule " + elsewhere);
            }
            if (read == Outcome.NOT_YOUR_ROLE && shared.allowed()) {
                out.add(roles + "@" + department + " reading " + c + ": dispatch refuses the role the shared rule lets read");
            }
        });
        assertThat(disagreements).isEmpty();
    }

    @Test
    void given_any_caller_and_any_work_nobody_acts_on_or_learns_of_a_complaint_the_shared_rule_hides() {
        var disagreements = everyCallerAndComplaint((roles, department, shared, inDispatch, c, out) -> {
            boolean visible = shared.permits(c.department(), c.confidential());
            for (Work work : List.of(Work.HANDLING, Work.SUPERVISION, Work.MANAGEMENT)) {
                // assigned to the caller, so a handler is refused only for a reason of visibility or department
                Outcome outcome = CaseAccess.decide(inDispatch, work, c.department(), USER, c.confidential());
                if (outcome == Outcome.ALLOWED && !visible) {
                    out.add(roles + "@" + department + " may do " + work + " on " + c + " they may not read");
                }
                boolean tellsItExists = outcome != Outcome.INVISIBLE && outcome != Outcome.NOT_YOUR_ROLE;
                if (c.confidential() && !visible && tellsItExists) {
                    out.add(roles + "@" + department + " doing " + work + " on hidden " + c + " is told " + outcome);
                }
            }
        });
        assertThat(disagreements).isEmpty();
    }
}
