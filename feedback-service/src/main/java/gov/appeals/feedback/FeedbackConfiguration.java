package gov.appeals.feedback;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.appeals.events.calendar.DeadlinePolicy;
import gov.appeals.events.reference.ReferenceData;

@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

    /** Milliseconds, the precision MongoDB keeps: a time read back equals the time first reported. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

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
