package gov.appeals.intake;

import org.junit.jupiter.api.Test;

import gov.appeals.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void keepsThePackageShapeOfEveryService() {
        ServiceArchitecture.verify("gov.appeals.intake");
    }
}
