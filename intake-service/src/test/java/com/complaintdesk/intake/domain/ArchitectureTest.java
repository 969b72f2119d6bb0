package com.complaintdesk.intake.domain;

import com.complaintdesk.testsupport.DomainPurity;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void the_intake_domain_is_plain_java() {
        DomainPurity.assertPlainJava("com.complaintdesk.intake.domain");
    }
}
