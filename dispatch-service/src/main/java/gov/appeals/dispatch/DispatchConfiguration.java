package gov.appeals.dispatch;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.reference.ReferenceData;

/** The reference data and the routing rules made from it; the plumbing (Clock, problems, outbox…) is the kit's. */
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
}
