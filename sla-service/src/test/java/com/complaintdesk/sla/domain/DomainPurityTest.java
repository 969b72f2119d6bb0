package com.complaintdesk.sla.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The SLA rules stay plain Java: no Spring, MongoDB or Kafka; of the kit only the (plain) business calendar. */
class DomainPurityTest {

    @Test
    void the_domain_depends_on_neither_spring_nor_mongo_nor_kafka_nor_the_adapters() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.complaintdesk.sla.domain");
        noClasses().that().resideInAPackage("com.complaintdesk.sla.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..",
                        "org.apache.kafka..", "tools.jackson..", "com.complaintdesk.sla.adapters..",
                        "com.complaintdesk.sla.application..", "com.complaintdesk.kit.events..", "com.complaintdesk.kit.outbox..",
                        "com.complaintdesk.kit.web..")
                .check(classes);
    }
}
