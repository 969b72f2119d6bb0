package com.complaintdesk.kit.mongo;

import com.complaintdesk.kit.web.ComplaintAccess;
import com.complaintdesk.testsupport.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The read rule as a query gives what {@link ComplaintAccess.Scope#permits} gives, and does so before a limit. */
class ScopeCriteriaTest {

    static final Set<String> HR = Set.of("HR");

    record Row(String id, String department, boolean confidential) {
    }

    static final List<Row> ROWS = List.of(
            new Row("eng", "ENGINEERING", false), new Row("eng-hr", "ENGINEERING", true),
            new Row("ops", "OPERATIONS", false), new Row("hr-1", "HR", true), new Row("hr-2", "HR", true),
            new Row("hr-3", "HR", true), new Row("new", null, false));

    List<String> listed(MongoTemplate mongo, ComplaintAccess.Scope scope, int limit) {
        List<Criteria> visible = ScopeCriteria.of(scope, "department", "confidential");
        Query q = new Query(visible.isEmpty() ? new Criteria() : new Criteria().andOperator(visible))
                .with(Sort.by("at")).limit(limit);
        return mongo.find(q, Document.class, "rows").stream().map(d -> d.getString("_id")).toList();
    }

    @Test
    void every_scope_lists_exactly_what_it_permits_and_a_limit_counts_only_visible_rows() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri("scope_criteria"))) {
            MongoTemplate mongo = new MongoTemplate(client, "scope_criteria");
            mongo.dropCollection("rows");
            for (int i = 0; i < ROWS.size(); i++) {
                Row r = ROWS.get(i);
                // HR's rows are the oldest, so a limit applied before the rule would fill up with them
                int at = "HR".equals(r.department()) ? i - 100 : i;
                mongo.insert(new Document("_id", r.id()).append("department", r.department())
                        .append("confidential", r.confidential()).append("at", at), "rows");
            }
            for (Set<String> roles : List.of(Set.of("ADMIN"), Set.of("SUPERVISOR"), Set.of("HANDLER"),
                    Set.of("DEPARTMENT_MANAGER", "ADMIN"), Set.of("HQ_ANALYST", "HANDLER"), Set.of("TRIAGE_OFFICER"))) {
                for (String department : new String[]{null, "ENGINEERING", "HR", "OPERATIONS"}) {
                    ComplaintAccess.Scope scope = ComplaintAccess.scopeOf(roles, department, HR);
                    if (!scope.allowed()) {
                        continue;
                    }
                    List<String> expected = ROWS.stream().filter(r -> scope.permits(r.department(), r.confidential()))
                            .map(Row::id).toList();
                    assertThat(listed(mongo, scope, 100)).as(roles + "@" + department)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
            ComplaintAccess.Scope admin = ComplaintAccess.scopeOf(Set.of("ADMIN"), null, HR);
            assertThat(listed(mongo, admin, 2)).as("the first two an admin may see, not the HR rows before them")
                    .containsExactly("eng", "ops");
        }
    }
}
