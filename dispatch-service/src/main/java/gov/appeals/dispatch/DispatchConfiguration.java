package gov.appeals.dispatch.config;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.events.reference.ReferenceData;

@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    /** @param dir a deployment's own reference files (APPEALS_REFERENCE_DIR); blank means the bundled copy */
    @Bean
    ReferenceData referenceData(@Value("${appeals.reference-dir:}") String dir) {
        return ReferenceData.load(dir.isBlank() ? null : Path.of(dir));
    }

    @Bean
    RoutingRules routingRules(ReferenceData reference) {
        return RoutingRules.from(reference);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
