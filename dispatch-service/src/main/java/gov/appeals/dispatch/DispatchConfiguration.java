package gov.appeals.dispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;

/**
 * Dispatch's queue rows of the authorization matrix; the routing rules are routing's own (routing.store keeps the
 * active ones), and the plumbing (Clock, problems, outbox…) is the kit's.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchConfiguration {

    /** Dispatch's rows of the authorization matrix (docs/security.md); whose queue it is, QueueAccess decides. */
    @Bean
    AccessRules dispatchAccess() {
        return rules -> rules
                .pathMatchers(HttpMethod.GET, "/api/v1/departments/*/queue", "/api/v1/departments/*/queue/stream")
                .hasAnyRole(Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/departments/*/queue/*")
                .hasAnyRole(Roles.CLERK, Roles.TRIAGER, Roles.SUPERVISOR)
                .pathMatchers(HttpMethod.POST, "/api/v1/departments/*/queue/*/sign",
                        "/api/v1/departments/*/queue/*/return", "/api/v1/departments/*/queue/*/transfer",
                        "/api/v1/departments/*/queue/*/input", "/api/v1/departments/*/consultations/*/answer")
                .hasRole(Roles.CLERK)
                .pathMatchers(HttpMethod.GET, "/api/v1/departments/*/consultations").hasRole(Roles.CLERK)
                .pathMatchers(HttpMethod.POST, "/api/v1/triage/*/assignment", "/api/v1/triage/*/consultations")
                .hasRole(Roles.TRIAGER);
    }
}
