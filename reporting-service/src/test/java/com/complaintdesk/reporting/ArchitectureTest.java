package com.complaintdesk.reporting;

import com.complaintdesk.testsupport.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void the_ledger_statistics_and_report_rules_are_plain_java() {
        DomainPurity.assertPlainJava("com.complaintdesk.reporting.ledger.domain");
        DomainPurity.assertPlainJava("com.complaintdesk.reporting.statistics.domain");
        DomainPurity.assertPlainJava("com.complaintdesk.reporting.reports.domain");
    }
}
