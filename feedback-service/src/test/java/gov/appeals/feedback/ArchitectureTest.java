package gov.appeals.feedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "gov.appeals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses().that().resideInAPackage("gov.appeals.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("gov.appeals.intake..", "gov.appeals.dispatch..",
                    "gov.appeals.notification..");

    @ArchTest
    static final ArchRule caseDecisionsArePlainJava = noClasses().that().resideInAPackage("gov.appeals.feedback.casefile..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "reactor..",
                    "org.apache.kafka..", "org.bson..");
}
