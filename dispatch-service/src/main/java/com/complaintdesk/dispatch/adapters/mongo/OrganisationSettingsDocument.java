package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisation-wide settings and the routing table, one document: the default department, the PR department
 * (told when the media is involved), the service supervisor 服务主任 and HQ 公司总部运营部 (the top of the appeal ladder).
 */
@Document("organisation")
public class OrganisationSettingsDocument {
    public static final String ID = "organisation";
    @Id
    public String id = ID;
    public String fallbackDepartment;
    public String prDepartment;
    public String serviceSupervisor;
    public String hq;
    public List<RoutingRule> routing = new ArrayList<>();
}
