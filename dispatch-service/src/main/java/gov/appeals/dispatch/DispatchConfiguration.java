package gov.appeals.dispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.dispatch.routing.ActiveRules;
import gov.appeals.dispatch.routing.RoutingRules;
import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.reference.ReferenceData;

/**
 * The routing rules, made from the reference data (appeal-reference's auto-configuration provides it); the plumbing
 * (Clock, problems, outbox…) is the kit's.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    /** Dispatch's rows of the authorization matrix (docs/security.md); whose queue it is, QueueAccess decides. */
    @Bean
    AccessRules dispatchAccess() {
        return rules -> rules
                .pathMatchers(HttpMethod.GET, "/api/v1/departments/*/queue", "/api/v1/departments/*/queue/stream")
                .hasAnyRole(Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.POST, "/api/v1/departments/*/queue/*/sign").hasRole(Roles.CLERK)
                .pathMatchers(HttpMethod.POST, "/api/v1/triage/*/assignment").hasRole(Roles.TRIAGER);
    }

    @Bean
    ActiveRules activeRules(ReferenceData reference) {
        RoutingRules rules = RoutingRules.from(reference);
        return () -> rules;
    }
}
