package gov.appeals.dispatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import gov.appeals.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void followsTheServiceShapeEveryServiceKeeps() {
        ServiceArchitecture.verify("gov.appeals.dispatch");
    }

    @Test
    void documentsItsPackagesFromTheCode() throws java.io.IOException {
        ServiceArchitecture.documented("gov.appeals.dispatch", "dispatch-service");
    }

    /** The routing rules are the pure decision; the queue feature uses them, never the other way round. */
    @Test
    void routingKnowsNothingOfQueues() {
        noClasses().that().resideInAPackage("gov.appeals.dispatch.routing..")
                .should().dependOnClassesThat().resideInAPackage("gov.appeals.dispatch.queue..")
                .check(ServiceArchitecture.importService("gov.appeals.dispatch"));
    }
}
