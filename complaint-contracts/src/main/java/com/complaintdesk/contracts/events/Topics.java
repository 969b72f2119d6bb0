package com.complaintdesk.contracts.events;

import java.util.List;
import java.util.Locale;

/**
 * Kafka topic names. Each service publishes to its own topic; every record is keyed by complaint id.
 * A record that cannot be processed after bounded retries goes to {@code <topic>.DLT}.
 */
public final class Topics {
    private Topics() {
    }

    public static final String INTAKE = "complaints.intake";
    public static final String TRIAGE = "complaints.triage";
    public static final String DISPATCH = "complaints.dispatch";
    public static final String SLA = "complaints.sla";
    public static final String FOLLOWUP = "complaints.followup";
    public static final String REPORTING = "complaints.reporting";

    /** The life-cycle topics, in process order. */
    public static final List<String> LIFECYCLE = List.of(INTAKE, TRIAGE, DISPATCH, SLA, FOLLOWUP, REPORTING);

    public static final String DLT_SUFFIX = ".DLT";

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }

    /**
     * A department's own copy of its dispatches, e.g. {@code complaints.dispatch.dept.engineering}, so a
     * department system consumes only its own complaints with a plain Kafka client.
     */
    public static String departmentTopic(String departmentCode) {
        return DISPATCH + ".dept." + departmentCode.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }
}
