package gov.appeals.notification;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import gov.appeals.kit.security.AccessRules;
import gov.appeals.kit.security.Roles;
import gov.appeals.notification.notice.store.NoticeLedger;

/** Notification's rows of the authorization matrix (docs/security.md): what 12345 was told is for the district. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    AccessRules notificationAccess() {
        return rules -> rules.pathMatchers(HttpMethod.GET, "/api/v1/deliveries")
                .hasAnyRole(Roles.SUPERVISOR, Roles.OPERATOR)
                .pathMatchers(HttpMethod.GET, "/api/v1/appeals/*/notifications")
                .hasAnyRole(Roles.TRIAGER, Roles.SUPERVISOR, Roles.OPERATOR);
    }

    /** The notice ledger's indexes must exist before the first notice is claimed, so startup waits. */
    @Bean
    SmartInitializingSingleton noticeIndexes(NoticeLedger ledger) {
        return () -> ledger.createIndexes().block(Duration.ofMinutes(1));
    }
}
