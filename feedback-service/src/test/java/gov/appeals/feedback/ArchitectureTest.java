package gov.appeals.feedback;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import gov.appeals.testsupport.ServiceArchitecture;

class ArchitectureTest {

    private static final String SERVICE = "gov.appeals.feedback";

    @Test
    void keepsThePackageShapeEveryServiceShares() {
        ServiceArchitecture.verify(SERVICE);
    }

    @Test
    void documentsItsPackagesFromTheCode() throws IOException {
        ServiceArchitecture.documented(SERVICE, "feedback-service");
    }
}
