package gov.appeals.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import gov.appeals.testsupport.ServiceArchitecture;

class ArchitectureTest {

    private static final String SERVICE = "gov.appeals.notification";

    @Test
    void keepsThePackageShapeEveryServiceShares() {
        ServiceArchitecture.verify(SERVICE);
    }

    @Test
    void leavesErrorAnswersToTheKit() {
        noClasses().should().beAnnotatedWith(RestControllerAdvice.class)
                .orShould().beAnnotatedWith(ControllerAdvice.class)
                .because("the kit's ProblemAdvice answers every error as problem+json")
                .check(ServiceArchitecture.importService(SERVICE));
    }
}
