package com.complaintdesk.dispatch.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of dispatch stay plain Java: no Spring, no MongoDB, no Kafka in the domain (CONVENTIONS). */
class DomainPurityTest {

    @Test
    void the_domain_depends_on_neither_spring_nor_mongo_nor_kafka_nor_the_adapters() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.complaintdesk.dispatch.domain");
        noClasses().that().resideInAPackage("com.complaintdesk.dispatch.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                        "org.apache.kafka..", "com.complaintdesk.dispatch.adapters..", "com.complaintdesk.dispatch.application..",
                        "com.complaintdesk.kit..")
                .check(classes);
    }
}
