package gov.appeals.feedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.tngtech.archunit.core.domain.JavaClasses;

import gov.appeals.testsupport.ServiceArchitecture;

class ArchitectureTest {

    private static final String SERVICE = "gov.appeals.feedback";

    private final JavaClasses classes = ServiceArchitecture.importService(SERVICE);

    @Test
    void followsTheShapeEveryServiceKeeps() {
        ServiceArchitecture.verify(SERVICE);
    }

    @Test
    void onlyTheApplicationAndItsConfigurationSitAtTheRoot() {
        classes().that().resideInAPackage(SERVICE)
                .should().haveFullyQualifiedName(SERVICE + ".FeedbackApplication")
                .orShould().haveFullyQualifiedName(SERVICE + ".FeedbackConfiguration")
                .check(classes);
    }

    @Test
    void errorsAreAnsweredByTheKitNotByAnAdviceOfTheService() {
        noClasses().that().resideInAPackage(SERVICE + "..")
                .should().beAnnotatedWith(RestControllerAdvice.class)
                .check(classes);
    }
}
