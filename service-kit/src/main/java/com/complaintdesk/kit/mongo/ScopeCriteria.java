package com.complaintdesk.kit.mongo;

import com.complaintdesk.kit.web.ComplaintAccess;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared read rule ({@link ComplaintAccess.Scope}) as MongoDB criteria, so a list is cut to the caller's scope
 * by the query itself, before any limit: filtering after a limit would fill a page with complaints the caller may
 * not see and then drop them.
 */
public final class ScopeCriteria {

    private ScopeCriteria() {
    }

    /**
     * @param departmentField   the stored complaint's department
     * @param confidentialField the stored complaint's confidential flag (true for HR's)
     * @return criteria to AND with a query's own; empty when the scope hides nothing. A scope that allows nothing is
     * the caller's business to refuse before querying.
     */
    public static List<Criteria> of(ComplaintAccess.Scope scope, String departmentField, String confidentialField) {
        List<Criteria> all = new ArrayList<>();
        if (scope.department() != null) {
            all.add(Criteria.where(departmentField).is(scope.department()));
        }
        if (!scope.confidential()) {
            Criteria notConfidential = Criteria.where(confidentialField).ne(true);
            all.add(scope.confidentialOf() == null ? notConfidential
                    : new Criteria().orOperator(notConfidential, Criteria.where(departmentField).is(scope.confidentialOf())));
        }
        return all;
    }
}
