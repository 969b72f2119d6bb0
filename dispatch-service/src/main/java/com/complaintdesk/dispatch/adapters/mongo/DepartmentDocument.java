package com.complaintdesk.dispatch.adapters.mongo;

import com.complaintdesk.dispatch.domain.organisation.Department;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("departments")
public class DepartmentDocument {
    @Id
    public String code;
    public String name;
    public String nameZh;
    public String manager;
    public boolean confidential;

    public Department toDomain() {
        return new Department(code, name, nameZh, manager, confidential);
    }

    public static DepartmentDocument of(Department d) {
        DepartmentDocument doc = new DepartmentDocument();
        doc.code = d.code();
        doc.name = d.name();
        doc.nameZh = d.nameZh();
        doc.manager = d.manager();
        doc.confidential = d.confidential();
        return doc;
    }
}
