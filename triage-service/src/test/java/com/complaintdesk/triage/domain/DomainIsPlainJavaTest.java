package com.complaintdesk.triage.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md: the triage rules are plain Java — no Spring, no MongoDB, no web types in the domain. */
class DomainIsPlainJavaTest {

    @Test
    void the_domain_depends_on_neither_spring_nor_mongo_nor_the_adapters() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.complaintdesk.triage");
        noClasses().that().resideInAPackage("com.complaintdesk.triage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                        "com.complaintdesk.triage.adapters..", "com.complaintdesk.triage.application..", "jakarta..")
                .check(classes);
    }
}
