package gov.appeals.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "gov.appeals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses().that().resideInAPackage("gov.appeals.dispatch..")
            .should().dependOnClassesThat().resideInAnyPackage("gov.appeals.intake..", "gov.appeals.feedback..",
                    "gov.appeals.notification..");

    /** Routing rules and the assignment lifecycle are plain Java: fast to test, free of I/O. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAnyPackage("gov.appeals.dispatch.routing", "gov.appeals.dispatch.queue")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "reactor..",
                    "org.apache.kafka..", "org.bson..");
}
