package com.complaintdesk.dispatch.application;

import com.complaintdesk.dispatch.domain.organisation.DutySchedule;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;

import java.util.List;
import java.util.Set;

/** The shape of the organisation resource (organisation/default-organisation.json). */
public record OrganisationSeed(String fallbackDepartment, String prDepartment, String serviceSupervisor, String hq,
                               List<DepartmentSeed> departments, List<RoutingRule> routing) {

    public record DepartmentSeed(String code, String name, String nameZh, String manager, boolean confidential,
                                 List<HandlerSeed> handlers) {
    }

    public record HandlerSeed(String id, String name, String employeeNo, Set<String> skills, int capacity, DutySchedule duty) {
    }
}
