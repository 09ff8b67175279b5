package gov.appeals.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;

/** Notification's rows of the authorization matrix (docs/security.md): what 12345 was told is for the district. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    AccessRules notificationAccess() {
        return rules -> rules.pathMatchers(HttpMethod.GET, "/api/v1/deliveries")
                .hasAnyRole(Roles.SUPERVISOR, Roles.OPERATOR);
    }
}
