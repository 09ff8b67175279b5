package gov.appeals.intake.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import gov.appeals.events.calendar.DeadlinePolicy;
import gov.appeals.events.reference.ReferenceData;
import gov.appeals.intake.acceptance.Classifier;
import gov.appeals.intake.acceptance.SubmissionRules;
import gov.appeals.intake.appeal.AppealStore;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /** The bundled reference data, or a deployment's own copy from {@code APPEALS_REFERENCE_DIR}. */
    @Bean
    ReferenceData referenceData(@Value("${appeals.reference-dir:}") String dir) {
        return ReferenceData.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    SubmissionRules submissionRules(ReferenceData reference) {
        return new SubmissionRules(reference);
    }

    @Bean
    Classifier classifier(ReferenceData reference,
                          @Value("${appeals.intake.extra-urgent-keywords:紧急,讨薪}") List<String> extraUrgentKeywords) {
        return new Classifier(reference, extraUrgentKeywords);
    }

    @Bean
    DeadlinePolicy deadlinePolicy(ReferenceData reference) {
        return DeadlinePolicy.defaults(reference.calendar());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The unique source+externalId index must exist before the first appeal is accepted, so startup waits. */
    @Bean
    SmartInitializingSingleton appealIndexes(AppealStore store) {
        return () -> store.createIndexes().block(Duration.ofMinutes(1));
    }

    /**
     * Replaces Boot's MongoDB health check (its name makes Boot's back off): that one sends {@code hello}, which
     * mongo-java-server, the store of the local run, does not know; {@code ping} works on it and on MongoDB.
     */
    @Bean
    ReactiveHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
        return () -> mongo.executeCommand("{ping: 1}")
                .map(reply -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down(e).build()));
    }
}
