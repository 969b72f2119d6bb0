package com.complaintdesk.reporting.statistics.domain;

/**
 * The counted facts of SPEC §5. Each is counted on the day (in the desk's zone) of the event named in its
 * definition, under the complaint's <em>current</em> category, channel, department, severity and complainant type,
 * so a reclassification moves the complaint's figures with it and the statistics always agree with the ledger.
 */
public enum Metric {
    RECEIVED("received", "Complaints registered (ComplaintReceived), on the day received. 登记的投诉数。"),
    ACCEPTED("accepted", "Complaints accepted (first ComplaintAccepted), on the day of the decision. 受理数。"),
    REJECTED("rejected", "Complaints not accepted (first ComplaintRejected). 不受理数。"),
    TRANSFERRED("transferred", "Complaints transferred to an outside body (first ComplaintTransferred). 转办数。"),
    AWAITING_DOCUMENTS("awaitingDocuments", "Complaints put on hold for missing evidence (first AwaitingDocuments). 待补凭证数。"),
    DISPATCHED("dispatched", "Complaints dispatched to a department (first ComplaintDispatched). 分派数。"),
    RESOLVED("resolved", "Complaints resolved (first ComplaintResolved), on the day of that resolution. 办结数。"),
    RESOLVED_ON_TIME("resolvedOnTime", "Of the resolved complaints: those whose first resolution came no later than the due time of the RESOLUTION clock and with no breach of it before (a complaint without a resolution clock counts as on time). 按时办结数。"),
    REVISITED("revisited", "Complaints revisited (first RevisitDone, reached or not), on the day of that revisit. 回访数。"),
    REVISITED_ON_TIME("revisitedOnTime", "Of the revisited complaints: those whose first revisit was on time (RevisitDone.onTime). 按时回访数。"),
    REVISIT_REACHED("revisitReached", "Of the revisited complaints: those whose first revisit reached the complainant (RevisitDone.reached; an unreachable complainant after the last attempt is revisited but not reached). 回访成功数。"),
    SATISFIED("satisfied", "Of the revisited complaints: those satisfied at the first revisit. 满意数。"),
    REOPENED("reopened", "Reopenings (each ComplaintReopened), on the day reopened. 重新处理次数。"),
    DEPARTMENT_TRANSFERS("departmentTransfers", "Transfers to another responsible department inside the organisation (each DepartmentTransferred), on the day transferred; not to be confused with transferred, a hand-over to an outside body. 部门转派次数。"),
    CLOSED("closed", "Complaints closed (first ComplaintClosed). 结案数。"),
    APPEALS("appeals", "Appeals: each rejection of a proposed solution (SolutionRejected). 申诉次数。"),
    URGES("urges", "Urges by complainants (each ComplaintUrged). 催办次数。"),
    SLA_BREACHES("slaBreaches", "SLA breaches (each SlaBreached), any clock. 超时次数。"),
    ESCALATIONS("escalations", "Escalations (each SlaEscalated), any level. 升级次数。"),
    COLLECTIVE_CASES("collectiveCases", "Collective cases opened (each distinct CollectiveCaseOpened). 集体投诉案件数。"),
    INVESTIGATED("investigated", "Complaints with a recorded investigation (first InvestigationRecorded); broken down by cause for the top causes. 已调查数。"),
    PREVENTIVE_MEASURES("preventiveMeasures", "Preventive or corrective measures recorded (each PreventiveMeasureRecorded). 预防措施数。");

    private final String key;
    private final String definition;

    Metric(String key, String definition) {
        this.key = key;
        this.definition = definition;
    }

    public String key() {
        return key;
    }

    public String definition() {
        return definition;
    }

    /** Sub-counters: breaches and escalations by level of the escalation ladder, breaches by clock. */
    public static String byLevel(Metric metric, String level) {
        return metric.key + ".level." + (level == null ? "UNKNOWN" : level);
    }

    public static String byClock(Metric metric, String clock) {
        return metric.key + ".clock." + (clock == null ? "UNKNOWN" : clock);
    }
}
