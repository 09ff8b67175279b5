package gov.appeals.feedback;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.appeals.reference.ReferenceData;
import gov.appeals.reference.calendar.DeadlinePolicy;

/** The reference data the rating decisions need (the working calendar of the reopening clocks). */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    /** @param dir a deployment's own reference files (APPEALS_REFERENCE_DIR); blank uses the bundled ones */
    @Bean
    ReferenceData referenceData(@Value("${appeals.reference-dir:}") String dir) {
        return ReferenceData.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    DeadlinePolicy deadlinePolicy(ReferenceData reference) {
        return DeadlinePolicy.defaults(reference.calendar());
    }
}
