package gov.appeals.reference.boot;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import gov.appeals.reference.ReferenceData;
import gov.appeals.reference.calendar.DeadlinePolicy;

/**
 * Every service's reference data and clocks, written once: the bundled facts, or a deployment's own directory
 * ({@code appeals.reference-dir}, APPEALS_REFERENCE_DIR), and the deadline policy over its working calendar. A
 * service that needs a variant declares its own bean.
 */
@AutoConfiguration
public class ReferenceDataAutoConfiguration {

    /** @param dir a deployment's own reference files; blank uses the bundled ones */
    @Bean
    @ConditionalOnMissingBean
    ReferenceData referenceData(@Value("${appeals.reference-dir:}") String dir) {
        return ReferenceData.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadlinePolicy deadlinePolicy(ReferenceData reference) {
        return DeadlinePolicy.defaults(reference.calendar());
    }
}
