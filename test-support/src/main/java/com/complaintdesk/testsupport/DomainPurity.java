package com.complaintdesk.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md: the domain model is plain Java. Call from a test of each service:
 * {@code DomainPurity.assertPlainJava("com.complaintdesk.intake.domain")}.
 */
public final class DomainPurity {
    private DomainPurity() {
    }

    public static void assertPlainJava(String domainPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(domainPackage);
        noClasses().that().resideInAPackage(domainPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..", "jakarta.servlet..")
                .because("domain rules are plain Java; adapters do persistence, messaging and HTTP")
                .check(classes);
    }
}
