package gov.appeals.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import gov.appeals.intake.acceptance.AppealNumbers;
import gov.appeals.intake.acceptance.Classifier;
import gov.appeals.intake.acceptance.CreditCode;
import gov.appeals.intake.acceptance.FieldProblem;
import gov.appeals.intake.acceptance.PhoneNumber;
import gov.appeals.intake.acceptance.Submission;
import gov.appeals.intake.acceptance.SubmissionRules;
import gov.appeals.intake.appeal.Actors;
import gov.appeals.intake.appeal.TimelineNotes;
import gov.appeals.intake.rating.RatingRules;
import gov.appeals.intake.rating.RatingSubmission;

@AnalyzeClasses(packages = "gov.appeals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule intakeUsesNoOtherServicesCode = noClasses()
            .that().resideInAPackage("gov.appeals.intake..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("gov.appeals.dispatch..", "gov.appeals.feedback..", "gov.appeals.notification..");

    /** The rules of acceptance and rating are plain Java: no framework, driver or broker client. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().belongToAnyOf(AppealNumbers.class, Classifier.class, CreditCode.class, FieldProblem.class,
                    PhoneNumber.class, Submission.class, SubmissionRules.class, Actors.class, TimelineNotes.class,
                    RatingRules.class, RatingSubmission.class)
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "reactor..", "org.apache.kafka..");
}
