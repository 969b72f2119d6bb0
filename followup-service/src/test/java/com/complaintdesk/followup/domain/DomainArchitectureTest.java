package com.complaintdesk.followup.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The follow-up rules stay plain Java: no Spring, no MongoDB, no Kafka in the domain. */
class DomainArchitectureTest {

    @Test
    void the_domain_depends_on_no_framework() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.complaintdesk.followup");

        noClasses().that().resideInAPackage("..followup.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "..followup.application..", "..followup.adapters..")
                .check(classes);
    }
}
