package gov.appeals.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "gov.appeals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .that().resideInAPackage("gov.appeals.notification..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("gov.appeals.intake..", "gov.appeals.dispatch..", "gov.appeals.feedback..");

    @ArchTest
    static final ArchRule callbackDomainIsPlainJava = noClasses()
            .that().resideInAPackage("gov.appeals.notification.callback..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "reactor..", "org.apache.kafka..");
}
