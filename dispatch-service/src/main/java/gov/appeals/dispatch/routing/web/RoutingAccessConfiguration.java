package gov.appeals.dispatch.routing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;

/**
 * The routing rows of the authorization matrix (docs/security.md): the triage desk reads the rules and dry-runs
 * them because it decides what they leave over; only supervisors change them or replay history against a candidate.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingAccessConfiguration {

    @Bean
    AccessRules routingAccess() {
        return rules -> rules
                .pathMatchers(HttpMethod.GET, "/api/v1/routing/rules", "/api/v1/routing/rules/versions",
                        "/api/v1/routing/rules/versions/*")
                .hasAnyRole(Roles.SUPERVISOR, Roles.TRIAGER)
                .pathMatchers(HttpMethod.POST, "/api/v1/routing/dry-run").hasAnyRole(Roles.SUPERVISOR, Roles.TRIAGER)
                .pathMatchers(HttpMethod.POST, "/api/v1/routing/rules", "/api/v1/routing/rules/rollback",
                        "/api/v1/routing/what-if")
                .hasRole(Roles.SUPERVISOR);
    }
}
