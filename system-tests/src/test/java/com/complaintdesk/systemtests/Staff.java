package com.complaintdesk.systemtests;

import com.complaintdesk.contracts.http.Roles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member as a staff front end acts for them: a token from the local run's dev-token endpoint with the user
 * id, roles and department, and the department's workflow (dispatch), revisits and special reports (followup) and
 * the ledger (reporting), all through the gateway.
 */
final class Staff {

    private final Gateway gateway;
    private final String userId;
    private final Map<String, String> auth;

    private Staff(Gateway gateway, String userId, String token) {
        this.gateway = gateway;
        this.userId = userId;
        this.auth = Map.of("Authorization", "Bearer " + token);
    }

    static Staff of(Gateway gateway, String userId, String department, String... roles) {
        return new Staff(gateway, userId, gateway.devToken(userId, List.of(roles), department));
    }

    /** A triage officer of the service desk: reads everything, records revisits, files special reports. */
    static Staff serviceDesk(Gateway gateway) {
        return of(gateway, "desk-officer", "SERVICE_DESK", Roles.TRIAGE_OFFICER);
    }

    String userId() {
        return userId;
    }

    Gateway.Reply get(String path) {
        return gateway.get(path, auth);
    }

    Gateway.Reply post(String path, Object body) {
        return gateway.post(path, body, auth);
    }

    // ---- reads

    static String dispatchCase(String number) {
        return "/api/v1/dispatch/complaints/" + number;
    }

    static String followupCase(String number) {
        return "/api/v1/followup/cases/" + number;
    }

    static String ledger(String number) {
        return "/api/v1/ledger/" + number;
    }

    /** The department's manager, from the organisation data (dispatch). */
    String managerOf(String department) {
        Gateway.Reply reply = get("/api/v1/organisation/departments/" + department);
        assertThat(reply.status()).as("department %s: %s", department, reply).isEqualTo(200);
        return reply.json().path("manager").asString();
    }

    // ---- the department's workflow (dispatch)

    Gateway.Reply recordsInvestigation(String number, String cause, String responsibleParty) {
        return post(dispatchCase(number) + "/investigation", Map.of("cause", cause, "responsibleParty", responsibleParty,
                "findings", "checked on site and on CCTV"));
    }

    Gateway.Reply proposesSolution(String number, Map<?, ?>... items) {
        return post(dispatchCase(number) + "/solution", Map.of("items", List.of(items), "onSiteWorkNeeded", false));
    }

    /** A solution that needs on-site work: engineering must be there within 24 hours (SPEC §3.10). */
    Gateway.Reply proposesOnSiteSolution(String number, Map<?, ?>... items) {
        return post(dispatchCase(number) + "/solution", Map.of("items", List.of(items), "onSiteWorkNeeded", true));
    }

    /** With the explanation the complainant is told (after an appeal: why the higher level decided so). */
    Gateway.Reply proposesSolution(String number, String explanation, Map<?, ?>... items) {
        return post(dispatchCase(number) + "/solution", Map.of("items", List.of(items), "onSiteWorkNeeded", false,
                "explanation", explanation));
    }

    Gateway.Reply resolves(String number, String summary) {
        return post(dispatchCase(number) + "/resolution", Map.of("summary", summary,
                "apology", "对给您带来的不便深表歉意,感谢您的反馈。", "improvements", "已在部门例会上通报并改进流程。"));
    }

    static Map<String, Object> item(String kind, String description) {
        return Map.of("kind", kind, "description", description);
    }

    static Map<String, Object> item(String kind, String description, double amount) {
        return Map.of("kind", kind, "description", description, "amount", Map.of("amount", amount, "currency", "CNY"));
    }

    // ---- follow-up

    /** A revisit contact that reached the complainant, with their rating (and the reason for a bad one). */
    Gateway.Reply recordsRevisit(String number, int satisfaction, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reached", true);
        body.put("satisfaction", satisfaction);
        body.put("reason", reason);
        body.put("comment", "by phone");
        return post("/api/v1/followup/revisits/" + number + "/attempts", body);
    }

    Gateway.Reply filesSpecialReport(String number) {
        return post("/api/v1/followup/special-reports/" + number, Map.of(
                "cause", "扶梯急停装置误触发,地面无警示",
                "handling", "服务主任现场处置,陪同就医,部门经理督办,与顾客达成赔偿",
                "correctiveActions", "全面检修扶梯急停装置,增设警示牌",
                "preventiveActions", "每日开业前扶梯巡检并记录"));
    }
}
